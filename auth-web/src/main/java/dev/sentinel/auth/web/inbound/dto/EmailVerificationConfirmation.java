package dev.sentinel.auth.web.inbound.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record EmailVerificationConfirmation(
        @Required @Schema(required = true) String token) {
    @Override
    public String toString() {
        return "EmailVerificationConfirmation[redacted]";
    }
}
