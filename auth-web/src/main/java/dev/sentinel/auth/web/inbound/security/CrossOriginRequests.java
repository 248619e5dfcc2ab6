package dev.sentinel.auth.web.inbound.security;

import dev.sentinel.auth.web.config.BrowserSettings;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * CORS for the origins of AUTH_CORS_ALLOWED_ORIGINS (docs/api.md, Browsers): preflights are answered here, before
 * any authentication; actual requests get the origin back and the rate-limit headers exposed. Bearer tokens, not
 * cookies, so no credentials mode. Other origins get no CORS header, and the browser keeps the answer from them.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CrossOriginRequests implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String ORIGIN = "Origin";
    private static final String PREFLIGHT_METHOD = "Access-Control-Request-Method";

    @Inject
    BrowserSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if ("OPTIONS".equals(request.getMethod())
                && origin != null
                && request.getHeaderString(PREFLIGHT_METHOD) != null) {
            Response.ResponseBuilder preflight = Response.noContent().header("Vary", ORIGIN);
            if (allowed().contains(origin)) {
                preflight
                        .header("Access-Control-Allow-Origin", origin)
                        .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE")
                        .header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                        .header("Access-Control-Max-Age", 600);
            }
            request.abortWith(preflight.build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString(ORIGIN);
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (origin == null || headers.containsKey("Access-Control-Allow-Origin")) {
            return;
        }
        headers.add("Vary", ORIGIN);
        if (allowed().contains(origin)) {
            headers.putSingle("Access-Control-Allow-Origin", origin);
            headers.putSingle(
                    "Access-Control-Expose-Headers",
                    "RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, WWW-Authenticate");
        }
    }

    private Set<String> allowed() {
        return settings.allowedOrigins();
    }
}
