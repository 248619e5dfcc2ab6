package dev.sentinel.auth.web.token;

/**
 * Revocations made by other instances have not been read for several poll intervals: a token revoked
 * elsewhere could pass here, so protected calls are refused until the feed works again.
 */
public final class RevocationsStaleException extends RuntimeException {
    public RevocationsStaleException() {
        super("Revocations could not be read recently; try again shortly.");
    }
}
