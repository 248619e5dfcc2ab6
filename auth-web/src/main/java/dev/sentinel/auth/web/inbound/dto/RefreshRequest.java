package dev.sentinel.auth.web.inbound.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RefreshRequest(
        @Required @Schema(required = true) String refreshToken) {
    @Override
    public String toString() {
        return "RefreshRequest[redacted]";
    }
}
