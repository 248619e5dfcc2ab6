package dev.sentinel.auth.error;

public final class InvalidRefreshTokenException extends AuthException {
    public InvalidRefreshTokenException(String reason) {
        super(reason, "The refresh token is unknown, expired or revoked.");
    }
}
