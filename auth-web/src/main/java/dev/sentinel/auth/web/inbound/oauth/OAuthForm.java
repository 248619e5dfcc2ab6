package dev.sentinel.auth.web.inbound.oauth;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/** The parameters of an OAuth form post; RFC 6749 §3.2: none may appear more than once. */
public record OAuthForm(MultivaluedMap<String, String> parameters) {

    /** The value, or null when absent or empty (RFC 6749 §3.1 treats an empty value as omitted). */
    public String optional(String name) {
        List<String> values = parameters == null ? null : parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw OAuthError.invalidRequest("The parameter " + name + " appears more than once.");
        }
        String value = values.get(0);
        return value == null || value.isEmpty() ? null : value;
    }

    public String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw OAuthError.invalidRequest("The parameter " + name + " is missing.");
        }
        return value;
    }
}
