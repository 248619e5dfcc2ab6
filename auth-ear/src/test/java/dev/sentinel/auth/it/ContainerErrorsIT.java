package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * As a client developer I get problem+json for every error, including those the application server answers
 * before any resource runs (docs/api.md, Conventions). Raw requests, since HTTP clients refuse to send them.
 */
class ContainerErrorsIT extends SharedServerTest {

    @ParameterizedTest
    @ValueSource(strings = {"TRACE /api/auth/me HTTP/1.1", "FOO /api/auth/me HTTP/1.1", "GET /%C0%AE%C0%AE/ HTTP/1.1"})
    void theContainersOwnRefusalsAreProblemJson(String requestLine) throws IOException {
        Response response = send(requestLine);

        assertTrue(response.status >= 400 && response.status < 500, () -> requestLine + " -> " + response);
        assertTrue(
                response.headers.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"),
                () -> requestLine + " -> " + response);
        JsonObject problem = Json.createReader(new StringReader(response.body)).readObject();
        assertEquals(response.status, problem.getInt("status"), response::toString);
        assertTrue(!problem.getString("detail").isBlank());
    }

    /**
     * Liberty refuses a path with a NUL or a broken percent-escape in its web container, before the application's
     * error pages apply, with its own 400 page: not problem+json (docs/api.md says so), but it must stay a 400 that
     * echoes nothing but the path and writes no error into the log.
     */
    @ParameterizedTest
    @ValueSource(strings = {"GET /api/auth/sessions/%00 HTTP/1.1", "GET /api/auth/%zz HTTP/1.1"})
    void badlyEncodedPathsAreRefusedWith400(String requestLine) throws IOException {
        Response response = send(requestLine);

        assertEquals(400, response.status, response::toString);
        assertTrue(!response.body.contains("Exception") && !response.body.contains("at com."), response::toString);
    }

    private Response send(String requestHead) throws IOException {
        try (Socket socket =
                new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String raw = readAll(socket.getInputStream());
            int headEnd = raw.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? raw : raw.substring(0, headEnd);
            String body = headEnd < 0 ? "" : dechunk(head, raw.substring(headEnd + 4));
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Response(status, head, body);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }

    private static String dechunk(String head, String body) {
        if (!head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            return body;
        }
        StringBuilder joined = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            joined.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return joined.toString();
    }

    private record Response(int status, String headers, String body) {}
}
