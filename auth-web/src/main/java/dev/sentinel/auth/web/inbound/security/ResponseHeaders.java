package dev.sentinel.auth.web.inbound.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What browsers and caches need on every API response (docs/api.md, Conventions): nothing is cached unless the
 * resource says how long (the JWKS), no content sniffing, no Referer, and HSTS once the client came over HTTPS.
 */
@Provider
public class ResponseHeaders implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean secure = "https".equals(request.getUriInfo().getRequestUri().getScheme());
        response.getHeaders().putIfAbsent(HttpHeaders.CACHE_CONTROL, new ArrayList<>(List.of("no-store")));
        of(secure).forEach(response.getHeaders()::putSingle);
    }

    /** The headers every response carries, Cache-Control aside; also for the container's own error page. */
    public static Map<String, String> of(boolean secure) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        if (secure) {
            headers.put("Strict-Transport-Security", "max-age=31536000");
        }
        return headers;
    }
}
