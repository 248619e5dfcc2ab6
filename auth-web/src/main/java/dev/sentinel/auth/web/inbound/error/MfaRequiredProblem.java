package dev.sentinel.auth.web.inbound.error;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** RFC 9457 problem details with the extension members of a login that waits for a second factor. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "mfaToken", "mfaMethods"})
public record MfaRequiredProblem(
        String type,
        String title,
        int status,
        String detail,
        @JsonbProperty("mfa_token") String mfaToken,
        @JsonbProperty("mfa_methods") List<String> mfaMethods) {
    @Override
    public String toString() {
        return "MfaRequiredProblem[redacted]";
    }
}
