package dev.sentinel.auth.web.inbound.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API browser at /openapi/ui/ (Swagger UI from its WebJar) and the WebJars themselves. Swagger UI draws its
 * icons from data: URLs, so this policy allows images from those and nothing else the strict one forbids: scripts,
 * styles and connections stay on this host (ApiDocsBrowserIT reads the browser's console for refusals). It also
 * covers the WebJar's own sample page, which would otherwise fetch a document from another host.
 */
@WebFilter(urlPatterns = {"/openapi/ui/*", "/webjars/*"})
public class ApiBrowserHeaders extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}
