package dev.sentinel.auth.web.inbound.dto;

import jakarta.validation.constraints.NotNull;

/** The second step of a login: the mfa_token of the first and a TOTP code or a recovery code. */
public record MfaLoginRequest(@NotNull String mfaToken, String code, String recoveryCode) {
    @Override
    public String toString() {
        return "MfaLoginRequest[redacted]";
    }
}
