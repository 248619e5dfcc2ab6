package dev.sentinel.auth.web.inbound.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PasswordResetRequest(
        @Required @Schema(required = true) String email) {}
