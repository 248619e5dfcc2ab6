package dev.sentinel.auth.web.inbound.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The operator console (/admin/) is static files the container serves from the WAR; this filter gives each of
 * them the strict Content-Security-Policy of the account pages (nothing inline, nothing from another host), and
 * makes browsers revalidate them, so that an upgrade never mixes old and new modules.
 */
@WebFilter(urlPatterns = "/admin/*")
public class ConsoleHeaders extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        PageHeaders.apply(response, PageHeaders.STRICT);
        response.setHeader("Cache-Control", "no-cache");
        chain.doFilter(request, response);
    }
}
