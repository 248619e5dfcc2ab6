package dev.sentinel.auth.web.inbound.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The second step of a login: the mfa_token of the first and a TOTP code or a recovery code. */
public record MfaLoginRequest(
        @Required @Schema(required = true) String mfaToken, String code, String recoveryCode) {
    @Override
    public String toString() {
        return "MfaLoginRequest[redacted]";
    }
}
