package dev.sentinel.auth.web.inbound.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AccountDeletionRequest(
        @Required @Schema(required = true) String currentPassword) {
    @Override
    public String toString() {
        return "AccountDeletionRequest[redacted]";
    }
}
