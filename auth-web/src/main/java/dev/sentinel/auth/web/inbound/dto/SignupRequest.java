package dev.sentinel.auth.web.inbound.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shape only; the domain checks the email's form and the password policy. */
public record SignupRequest(
        @Required @Schema(required = true) String email,
        @Required @Schema(required = true) String password,
        String displayName) {
    @Override
    public String toString() {
        return "SignupRequest[email=" + email + "]";
    }
}
