package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.event.AuthEvent;
import java.util.UUID;

public record AuthEventView(
        String id,
        String type,
        String outcome,
        String userId,
        String email,
        String ip,
        String userAgent,
        String sessionId,
        String reason,
        String occurredAt,
        String actorId) {
    public static AuthEventView of(AuthEvent event) {
        return new AuthEventView(
                String.valueOf(event.id()),
                event.type().name(),
                event.outcome().name(),
                text(event.userId()),
                event.email(),
                event.ip(),
                event.userAgent(),
                text(event.sessionId()),
                event.reason(),
                event.occurredAt().toString(),
                text(event.actorId()));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
