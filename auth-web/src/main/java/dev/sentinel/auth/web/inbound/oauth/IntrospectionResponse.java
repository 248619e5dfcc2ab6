package dev.sentinel.auth.web.inbound.oauth;

import dev.sentinel.auth.token.Introspection;
import java.time.Instant;
import java.util.List;

/** RFC 7662 §2.2; an inactive token tells nothing but {@code "active": false}. */
public record IntrospectionResponse(
        boolean active,
        String tokenType,
        String sub,
        String username,
        String clientId,
        String sid,
        List<String> groups,
        String iss,
        List<String> aud,
        Long iat,
        Long exp) {

    public static IntrospectionResponse of(Introspection result) {
        if (!result.active()) {
            return new IntrospectionResponse(false, null, null, null, null, null, null, null, null, null, null);
        }
        return new IntrospectionResponse(
                true,
                result.tokenType(),
                result.subject(),
                result.username(),
                result.clientId(),
                result.sessionId() == null ? null : result.sessionId().toString(),
                result.groups(),
                result.issuer(),
                result.audience().isEmpty() ? null : result.audience(),
                seconds(result.issuedAt()),
                seconds(result.expiresAt()));
    }

    private static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
