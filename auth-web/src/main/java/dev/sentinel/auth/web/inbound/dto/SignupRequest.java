package dev.sentinel.auth.web.inbound.dto;

import jakarta.validation.constraints.NotNull;

/** Shape only; the domain checks the email's form and the password policy. */
public record SignupRequest(@NotNull String email, @NotNull String password, String displayName) {
    @Override
    public String toString() {
        return "SignupRequest[email=" + email + "]";
    }
}
