package dev.sentinel.auth.error;

/**
 * The database refused a write that breaks an integrity constraint the adapter did not expect to meet: a bug
 * or an unhandled race, never the caller's mistake. Expected ones become domain refusals where they arise
 * (a taken email is an {@link EmailAlreadyTakenException}).
 */
public final class StoreConflictException extends RuntimeException {
    public StoreConflictException(Throwable cause) {
        super("The database refused a write that breaks one of its constraints.", cause);
    }
}
