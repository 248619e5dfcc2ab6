package dev.sentinel.auth.web.inbound.dto;

import jakarta.validation.constraints.NotNull;

/** A current TOTP code (confirming a factor, renewing recovery codes). */
public record MfaCodeRequest(@NotNull String code) {
    @Override
    public String toString() {
        return "MfaCodeRequest[redacted]";
    }
}
