package dev.sentinel.auth.web.inbound.interceptor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Latency of login and refresh as a histogram (buckets enabled in microprofile-config.properties). */
@ApplicationScoped
public class RequestTimer {
    @Inject
    MetricRegistry registry;

    void record(String operation, long nanos) {
        registry.timer("auth_request_duration", new Tag("operation", operation)).update(Duration.ofNanos(nanos));
    }
}
