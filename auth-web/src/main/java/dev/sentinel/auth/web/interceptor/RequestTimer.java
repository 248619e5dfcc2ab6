package dev.sentinel.auth.web.interceptor;

import dev.sentinel.auth.event.AuthEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.Locale;

/** Latency of login and refresh as a histogram (buckets enabled in microprofile-config.properties). */
@ApplicationScoped
public class RequestTimer {
    @Inject
    MetricRegistry registry;

    void record(AuthEventType type, long nanos) {
        if (type == AuthEventType.LOGIN || type == AuthEventType.TOKEN_REFRESH) {
            registry.timer("auth_request_duration", new Tag("operation", type.name().toLowerCase(Locale.ROOT)))
                    .update(Duration.ofNanos(nanos));
        }
    }
}
