package dev.sentinel.auth.error;

public final class InvalidOneTimeTokenException extends AuthException {
    public InvalidOneTimeTokenException() {
        super("invalid_token", "The link is invalid, has expired or was already used.");
    }
}
