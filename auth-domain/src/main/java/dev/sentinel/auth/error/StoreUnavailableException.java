package dev.sentinel.auth.error;

/**
 * The database cannot be reached (a lost or refused connection): nothing is wrong with the request, so the
 * caller may retry shortly. Not an {@link AuthException}: no rule was broken, so no refusal is audited.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(Throwable cause) {
        super("The database cannot be reached.", cause);
    }
}
