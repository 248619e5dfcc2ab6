package dev.sentinel.auth.error;

public final class SessionNotFoundException extends AuthException {
    public SessionNotFoundException() {
        super("session_not_found", "No such session.");
    }
}
