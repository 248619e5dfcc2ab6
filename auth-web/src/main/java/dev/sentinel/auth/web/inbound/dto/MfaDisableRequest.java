package dev.sentinel.auth.web.inbound.dto;

/** A current TOTP code or a recovery code: exactly one (the domain says which is missing or extra). */
public record MfaDisableRequest(String code, String recoveryCode) {
    @Override
    public String toString() {
        return "MfaDisableRequest[redacted]";
    }
}
