package dev.sentinel.auth.web.inbound.routing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * The standards fix these paths outside the JAX-RS application at /api: they are forwarded to it, so that they get
 * the same filters (security headers, CORS, body limit), interceptors (rate limits) and error mappers as every
 * other endpoint, and appear in /openapi (see {@link ForwardedPaths}). Only the exact paths are forwarded; any
 * other path below /oauth2 or /.well-known is a 404, which the error page answers as problem+json. The resources refuse to be reached
 * at /api/oauth2/... directly ({@link ForwardedOnly}).
 */
@WebFilter(urlPatterns = {"/oauth2/*", "/.well-known/*"})
public class RootPaths extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final Set<String> FORWARDED = Set.of(
            "/oauth2/token",
            "/oauth2/introspect",
            "/oauth2/revoke",
            "/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (FORWARDED.contains(path)) {
            request.getRequestDispatcher("/api" + path).forward(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // the error page makes it problem+json
        }
    }
}
