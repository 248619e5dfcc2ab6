package dev.sentinel.auth.error;

/**
 * The second step of a login failed: a wrong or replayed code, or an mfa_token unknown, expired, used or spent.
 * One answer for all, so that it tells nothing about which.
 */
public final class MfaLoginFailedException extends AuthException {
    public MfaLoginFailedException(String reason) {
        super(reason, "The code or the mfa_token is not valid.");
    }
}
