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

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        PageHeaders.apply(response, PageHeaders.API_BROWSER);
        chain.doFilter(request, response);
    }
}
