package dev.sentinel.auth.web.inbound.page;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The two pages mailed links open. Static HTML with an external script (no inline code, nothing from another
 * host), served under a strict Content-Security-Policy; the token rides in the URL fragment, which the browser
 * never sends, so it reaches no server log and no Referer.
 */
@WebServlet(urlPatterns = {"/account/verify-email", "/account/reset-password"})
public class AccountPages extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getServletPath().substring("/account/".length());
        try (InputStream html = getServletContext().getResourceAsStream("/WEB-INF/account/" + page + ".html")) {
            if (html == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("text/html;charset=UTF-8");
            PageHeaders.apply(response, PageHeaders.STRICT);
            response.setHeader("Cache-Control", "no-store");
            html.transferTo(response.getOutputStream());
        }
    }
}
