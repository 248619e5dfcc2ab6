package dev.sentinel.auth.web.inbound.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * GET /openapi: the OpenAPI document the build wrote from the resources' annotations (META-INF/openapi.json, see
 * auth-web/pom.xml), as JSON. Served here rather than by Liberty's mpOpenAPI feature, which cost every start some
 * 1,000 classes and two web applications of its own for a file that never changes. A server that has that feature
 * anyway serves the same document at the same path: its /openapi context root comes before this application's "/".
 */
@WebServlet("/openapi")
public class OpenApiDocument extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String RESOURCE = "/META-INF/openapi.json";

    private transient byte[] document;

    @Override
    public void init() throws ServletException {
        try (InputStream json = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (json == null) {
                throw new ServletException(
                        RESOURCE + " is missing from the WAR: the build writes it (auth-web/pom.xml)");
            }
            document = json.readAllBytes();
        } catch (IOException e) {
            throw new ServletException("cannot read " + RESOURCE, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setContentLength(document.length);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(document);
    }
}
