package dev.sentinel.auth.web.inbound.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A current TOTP code (confirming a factor, renewing recovery codes). */
public record MfaCodeRequest(
        @Required @Schema(required = true) String code) {
    @Override
    public String toString() {
        return "MfaCodeRequest[redacted]";
    }
}
