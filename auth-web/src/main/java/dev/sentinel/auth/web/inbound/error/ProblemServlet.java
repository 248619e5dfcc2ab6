package dev.sentinel.auth.web.inbound.error;

import dev.sentinel.auth.web.inbound.security.ResponseHeaders;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The web.xml error page: the container's own errors (e.g. 404 outside /api) as problem+json. */
@WebServlet("/problem")
public class ProblemServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404;
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        ResponseHeaders.of(request.isSecure()).forEach(response::setHeader);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(Problems.json(
                        new Problem("about:blank", HttpProblems.title(status), status, detail(status), null)));
    }

    /** The container refuses before any resource reads a body: say what it refused instead. */
    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed, for example its path is not properly percent-encoded.";
            case 411 -> "The request needs a Content-Length.";
            case 414 -> "The request URI is too long.";
            case 431 -> "The request headers are too large.";
            case 501 -> "This method is not supported.";
            default -> HttpProblems.detail(status);
        };
    }
}
