package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.session.Session;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.UUID;

@JsonbNillable
public record SessionView(
        String id, String createdAt, String lastUsedAt, String ip, String userAgent, boolean current) {
    public static SessionView of(Session session, UUID currentSession) {
        return new SessionView(
                session.id().toString(),
                session.createdAt().toString(),
                session.lastUsedAt().toString(),
                session.ip(),
                session.userAgent(),
                session.id().equals(currentSession));
    }
}
