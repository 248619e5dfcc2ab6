package dev.sentinel.auth.error;

/** The access token is still well signed, but its session was revoked or has ended. */
public final class SessionEndedException extends AuthException {
    public SessionEndedException() {
        super("session_revoked", "The session of this token has ended.");
    }
}
