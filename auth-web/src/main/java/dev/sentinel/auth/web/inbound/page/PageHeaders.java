package dev.sentinel.auth.web.inbound.page;

import jakarta.servlet.http.HttpServletResponse;

/** The headers of every page the service serves: scripts, styles and connections from this host only, no framing. */
final class PageHeaders {
    /** Account pages and the console: nothing inline, nothing from another host. */
    static final String STRICT = policy("img-src 'self'");
    /** Swagger UI draws its icons from data: URLs; that is all it adds to the strict policy. */
    static final String API_BROWSER = policy("img-src 'self' data:");

    private PageHeaders() {}

    static void apply(HttpServletResponse response, String policy) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
    }

    private static String policy(String images) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; " + images + "; connect-src 'self'; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }
}
