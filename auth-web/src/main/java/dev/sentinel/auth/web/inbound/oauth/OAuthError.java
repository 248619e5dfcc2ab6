package dev.sentinel.auth.web.inbound.oauth;

import java.util.Map;

/**
 * An error of the OAuth endpoints in their own dialect (RFC 6749 §5.2), not problem+json: OAuth client
 * libraries read {@code error} and {@code error_description}. {@code headers}: e.g. the Basic challenge of a
 * 401 invalid_client, or the Retry-After of a 429.
 */
public class OAuthError extends RuntimeException {
    private final int status;
    private final String error;
    private final transient Map<String, Object> headers;

    public OAuthError(int status, String error, String description, Map<String, Object> headers) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description, Map.of());
    }

    /** §5.2: a client that tried Basic authentication and failed gets 401 with a Basic challenge. */
    public static OAuthError invalidClient() {
        return new OAuthError(
                401, "invalid_client", "Client authentication failed.", Map.of("WWW-Authenticate", BASIC_CHALLENGE));
    }

    /** RFC 6749 §3.2 asks for a form: 415, in the endpoint's own dialect. */
    public static OAuthError notAForm() {
        return new OAuthError(
                415, "invalid_request", "The request must be application/x-www-form-urlencoded.", Map.of());
    }

    public static final String BASIC_CHALLENGE = "Basic realm=\"auth\", charset=\"UTF-8\"";

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, Object> headers() {
        return headers;
    }
}
