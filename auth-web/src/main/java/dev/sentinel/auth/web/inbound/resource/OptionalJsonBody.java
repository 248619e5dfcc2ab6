package dev.sentinel.auth.web.inbound.resource;

import dev.sentinel.auth.error.InvalidInputException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * For endpoints whose body may be left out (logout): no body and no Content-Type is fine, a body must be JSON.
 * JAX-RS content negotiation alone would refuse the body-less request.
 */
final class OptionalJsonBody {
    private OptionalJsonBody() {}

    static <T> Optional<T> read(String contentType, String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        if (!isJson(contentType)) {
            throw new NotSupportedException();
        }
        try {
            return Optional.ofNullable(JsonConfig.jsonb().fromJson(body, type));
        } catch (RuntimeException malformed) { // JSON-B and parser refusals alike: the client's mistake
            throw InvalidInputException.of("body", "must be a JSON object of the documented shape");
        }
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
