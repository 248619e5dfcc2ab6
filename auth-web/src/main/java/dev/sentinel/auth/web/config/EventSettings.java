package dev.sentinel.auth.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class EventSettings {
    @Inject
    @ConfigProperty(name = "auth.events.retention", defaultValue = "P90D")
    Duration retention;

    /** {@code json} writes one structured line per auth event to the log; {@code none} writes none. */
    @Inject
    @ConfigProperty(name = "auth.events.log-format", defaultValue = "none")
    String logFormat;

    public Duration retention() {
        return retention;
    }

    public boolean logAsJson() {
        return "json".equalsIgnoreCase(logFormat.strip());
    }
}
