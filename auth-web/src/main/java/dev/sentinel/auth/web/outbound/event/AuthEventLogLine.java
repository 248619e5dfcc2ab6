package dev.sentinel.auth.web.outbound.event;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.web.config.EventSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.logging.Logger;

/** One JSON line per auth event when auth.events.log-format=json; the event has no secret to leak. */
@ApplicationScoped
public class AuthEventLogLine {
    private static final Logger LOG = Logger.getLogger("dev.sentinel.auth.events");

    @Inject
    EventSettings settings;

    void write(AuthEvent event) {
        if (settings.logAsJson()) {
            LOG.info(json(event));
        }
    }

    static String json(AuthEvent event) {
        JsonObjectBuilder line = Json.createObjectBuilder()
                .add("event", "auth")
                .add("type", event.type().name())
                .add("outcome", event.outcome().name())
                .add("occurred_at", event.occurredAt().toString());
        add(line, "user_id", event.userId());
        add(line, "email", event.email());
        add(line, "ip", event.ip());
        add(line, "user_agent", event.userAgent());
        add(line, "session_id", event.sessionId());
        add(line, "reason", event.reason());
        add(line, "actor_id", event.actorId());
        return line.build().toString();
    }

    private static void add(JsonObjectBuilder line, String name, Object value) {
        if (value != null) {
            line.add(name, value.toString());
        }
    }
}
