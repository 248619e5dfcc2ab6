package dev.sentinel.auth.error;

import java.util.List;

/**
 * The password was right and a second factor is due: no session yet. Carries the mfa_token that
 * POST /api/auth/login/mfa takes; the OAuth password grant, which cannot ask for a code, answers invalid_grant.
 */
public final class MfaRequiredException extends AuthException {
    public static final List<String> METHODS = List.of("totp", "recovery_code");

    private final String mfaToken;

    public MfaRequiredException(String mfaToken) {
        super("mfa_required", "A second factor is required to complete the login.");
        this.mfaToken = mfaToken;
    }

    public String mfaToken() {
        return mfaToken;
    }

    public List<String> methods() {
        return METHODS;
    }
}
