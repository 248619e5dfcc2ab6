package dev.sentinel.auth.web.outbound.event;

import dev.sentinel.auth.event.AuthEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** auth_events_total{type,outcome} in /metrics. */
@ApplicationScoped
public class AuthEventMetrics {
    @Inject
    MetricRegistry registry;

    void count(AuthEvent event) {
        registry.counter(
                        "auth_events",
                        new Tag("type", event.type().name()),
                        new Tag("outcome", event.outcome().name()))
                .inc();
    }
}
