package dev.sentinel.auth.web.inbound.health;

import dev.sentinel.auth.usecase.StoreStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class DatabaseReadyCheck implements HealthCheck {
    @Inject
    StoreStatus store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(store.isReachable()).build();
    }
}
