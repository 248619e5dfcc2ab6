package dev.sentinel.auth.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which browser origins may call the API (CORS); none by default. */
@ApplicationScoped
public class BrowserSettings {
    @Inject
    @ConfigProperty(name = "auth.cors.allowed-origins")
    Optional<List<String>> allowedOrigins;

    /** Exact origins (scheme, host and port), compared as browsers send them. */
    public Set<String> allowedOrigins() {
        return allowedOrigins.orElse(List.of()).stream()
                .map(String::strip)
                .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
