package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertValidationProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.ProblemAssertions;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors of every kind are RFC 9457 problems and never reveal the implementation; no input yields a 5xx. */
class ProblemDetailsIT extends SharedServerTest {
    private static final List<String> BODY_ENDPOINTS =
            List.of("/api/auth/signup", "/api/auth/login", "/api/auth/refresh");

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/signup", "/api/auth/login", "/api/auth/refresh"})
    void malformedJsonIs400(String endpoint) {
        // when
        Reply reply = api.post(endpoint, "{");

        // then
        assertProblem(reply, 400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "[{\"email\":\"EMAIL\",\"password\":\"correct horse battery\"}]",
                "\"a string\"",
                "42",
                "true",
                "null"
            })
    void jsonThatIsNotAnObjectIs400(String body) {
        for (String endpoint : BODY_ENDPOINTS) {
            // when
            Reply reply = api.post(endpoint, body.replace("EMAIL", Accounts.uniqueEmail()));

            // then
            assertProblem(reply, 400);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"email\":12345,\"password\":\"correct horse battery\"}",
                "{\"email\":{\"address\":\"a@it.example\"},\"password\":\"correct horse battery\"}",
                "{\"email\":[\"a@it.example\"],\"password\":\"correct horse battery\"}",
                "{\"email\":true,\"password\":\"correct horse battery\"}",
                "{\"email\":\"EMAIL\",\"password\":12345678}",
                "{\"email\":\"EMAIL\",\"password\":{}}"
            })
    void wrongFieldTypesAre400NotServerErrors(String body) {
        for (String endpoint : List.of("/api/auth/signup", "/api/auth/login")) {
            // when
            Reply reply = Api.of(server).post(endpoint, body.replace("EMAIL", Accounts.uniqueEmail()));

            // then
            assertProblem(reply, 400);
        }
    }

    @Test
    void displayNameOfTheWrongTypeIs400() {
        // when
        Reply reply = api.post(
                "/api/auth/signup",
                "{\"email\":\"" + Accounts.uniqueEmail()
                        + "\",\"password\":\"correct horse battery\",\"display_name\":42}");

        // then
        assertProblem(reply, 400);
    }

    @Test
    void refreshTokenOfTheWrongTypeIs400() {
        // when
        Reply reply = api.post("/api/auth/refresh", "{\"refresh_token\":12345}");

        // then
        assertProblem(reply, 400);
    }

    /** Every request record is required, those without a required field of their own too (a second factor's disable). */
    @Test
    void missingBodyIs400NamingTheBody() {
        // given
        String token = Accounts.signUp(api).accessToken();

        for (String path : List.of(
                "/api/auth/signup",
                "/api/auth/login",
                "/api/auth/refresh",
                "/api/auth/password",
                "/api/auth/mfa/totp/confirm",
                "/api/auth/mfa/totp/disable")) {
            // when
            Reply reply = api.send("POST", path, "", "application/json", token, Map.of());

            // then
            assertValidationProblem(reply, "body");
        }
    }

    @Test
    void textPlainIs415() {
        // when
        Reply reply = api.send(
                "POST",
                "/api/auth/signup",
                Api.json("email", Accounts.uniqueEmail(), "password", Accounts.PASSWORD),
                "text/plain",
                null,
                Map.of());

        // then
        assertProblem(reply, 415);
    }

    @Test
    void formEncodedLoginIs415() {
        // when
        Reply reply = api.send(
                "POST",
                "/api/auth/login",
                "email=a%40it.example&password=correct+horse+battery",
                "application/x-www-form-urlencoded",
                null,
                Map.of());

        // then
        assertProblem(reply, 415);
    }

    @Test
    void bodyOver16KiBIs413() {
        // given
        String body = signupBodyOfBytes(16 * 1024 + 1);

        // when
        Reply reply = api.post("/api/auth/signup", body);

        // then
        assertProblem(reply, 413);
    }

    @Test
    void chunkedBodyOver16KiBIs413() throws Exception {
        // given a body without Content-Length
        byte[] body = signupBodyOfBytes(64 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("/api/auth/signup"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", Api.randomIp())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        // when
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

        // then
        Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
        assertProblem(reply, 413);
    }

    @Test
    void bodyOfExactly16KiBIsJudgedOnItsContent() {
        // given a body of the largest allowed size whose display_name is too long
        String body = signupBodyOfBytes(16 * 1024);

        // when
        Reply reply = api.post("/api/auth/signup", body);

        // then
        assertValidationProblem(reply, "display_name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/nope", "/nope", "/api/auth/nope", "/api/admin/nope"})
    void unknownRouteIs404Problem(String path) {
        // when
        Reply reply = api.get(path, null);

        // then
        assertProblem(reply, 404);
    }

    @Test
    void unknownRouteWithPostIs404Problem() {
        // when
        Reply reply = api.post("/api/nope", "{}");

        // then
        assertProblem(reply, 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/auth/login", "GET /api/auth/signup", "GET /api/auth/refresh", "PUT /api/auth/me"})
    void wrongMethodIs405Problem(String request) {
        // given
        String[] methodAndPath = request.split(" ");

        // when
        Reply reply = api.send(methodAndPath[0], methodAndPath[1], null, null, null, Map.of());

        // then
        assertProblem(reply, 405);
    }

    @ParameterizedTest
    @MethodSource("oddBodies")
    void oddBodiesNeverCauseServerErrors(String label, String body) {
        // given a client of its own (signup allows 5 per hour per IP, login 10 per minute)
        Api client = Api.of(server);
        for (String endpoint : List.of("/api/auth/signup", "/api/auth/login")) {
            // when
            Reply reply = client.post(endpoint, body);

            // then
            assertTrue(reply.status() < 500, () -> label + " to " + endpoint + " gave " + reply);
            if (reply.status() >= 400) {
                ProblemAssertions.assertProblemShape(reply);
            }
        }
    }

    static Stream<Arguments> oddBodies() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String local64 = ("f" + unique).concat("x".repeat(64)).substring(0, 64);
        String email254 = local64 + "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "g".repeat(53) + ".example";
        String email255 = local64 + "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "g".repeat(54) + ".example";
        return Stream.of(
                Arguments.of("null", "null"),
                Arguments.of("empty object", "{}"),
                Arguments.of("empty body", ""),
                Arguments.of("whitespace body", "   \n\t "),
                Arguments.of("null fields", "{\"email\":null,\"password\":null,\"display_name\":null}"),
                Arguments.of("null email", "{\"email\":null,\"password\":\"correct horse battery\"}"),
                Arguments.of("deeply nested arrays", "[".repeat(4000) + "]".repeat(4000)),
                Arguments.of("deeply nested objects", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)),
                Arguments.of(
                        "nested in email",
                        "{\"email\":" + "[".repeat(3000) + "]".repeat(3000) + ",\"password\":\"x\"}"),
                Arguments.of("huge exponent", "{\"email\":1e999999999,\"password\":\"correct horse battery\"}"),
                Arguments.of(
                        "huge integer",
                        "{\"email\":\"h-" + unique + "@it.example\",\"password\":" + "9".repeat(5000) + "}"),
                Arguments.of(
                        "huge display_name number",
                        "{\"email\":\"n-" + unique + "@it.example\","
                                + "\"password\":\"correct horse battery\",\"display_name\":1" + "0".repeat(3000) + "}"),
                Arguments.of("NaN", "{\"email\":NaN,\"password\":\"correct horse battery\"}"),
                Arguments.of("negative zero", "{\"email\":-0.0,\"password\":-0.0}"),
                Arguments.of(
                        "unicode email",
                        "{\"email\":\"\u00fc\u00f1\u00ee-" + unique + "@b\u00fccher.example\","
                                + "\"password\":\"p\u00e4ssw\u00f6rd \uD83D\uDE00\uD83D\uDE00\"}"),
                Arguments.of(
                        "emoji password of 128 code points",
                        "{\"email\":\"e-" + unique + "@it.example\"," + "\"password\":\"" + "\uD83D\uDE00".repeat(128)
                                + "\"}"),
                Arguments.of(
                        "lone surrogate escape",
                        "{\"email\":\"s-" + unique + "@it.example\","
                                + "\"password\":\"\\ud800\\ud800abcdefgh\",\"display_name\":\"\\udfff\"}"),
                Arguments.of(
                        "NUL escape in email",
                        "{\"email\":\"a\\u0000b@it.example\",\"password\":\"correct horse battery\"}"),
                Arguments.of(
                        "raw control chars",
                        "{\"email\":\"a\u0001\u0007b@it.example\",\"password\":\"correct\u0000horse\"}"),
                Arguments.of(
                        "CRLF injection",
                        "{\"email\":\"c-" + unique + "@it.example\\r\\nSet-Cookie: x=y\","
                                + "\"password\":\"correct horse battery\"}"),
                Arguments.of(
                        "newline display name",
                        "{\"email\":\"l-" + unique + "@it.example\","
                                + "\"password\":\"correct horse battery\",\"display_name\":\"line\\nbreak\\u0000\\u001b[31m\"}"),
                Arguments.of(
                        "right-to-left override",
                        "{\"email\":\"r-" + unique + "@it.example\","
                                + "\"password\":\"correct horse battery\",\"display_name\":\"\u202Eevil\u202C\"}"),
                Arguments.of(
                        "SQL in email",
                        "{\"email\":\"' OR '1'='1' --@it.example\",\"password\":\"' OR 1=1; DROP TABLE users; --\"}"),
                Arguments.of(
                        "percent and format strings",
                        "{\"email\":\"%s%n%x@it.example\",\"password\":\"%s%s%s%s%n%n%n\"}"),
                Arguments.of(
                        "email of 254 chars",
                        "{\"email\":\"" + email254 + "\",\"password\":\"correct horse battery\"}"),
                Arguments.of(
                        "email of 255 chars",
                        "{\"email\":\"" + email255 + "\",\"password\":\"correct horse battery\"}"),
                Arguments.of(
                        "email of 10000 chars",
                        "{\"email\":\"" + "a".repeat(10000) + "@it.example\",\"password\":\"correct horse battery\"}"),
                Arguments.of(
                        "password of 10000 chars",
                        "{\"email\":\"p-" + unique + "@it.example\",\"password\":\"" + "p".repeat(10000) + "\"}"),
                Arguments.of(
                        "duplicate keys",
                        "{\"email\":\"d1-" + unique + "@it.example\",\"email\":\"d2-" + unique
                                + "@it.example\",\"password\":\"correct horse battery\"}"),
                Arguments.of(
                        "extra fields",
                        "{\"email\":\"x-" + unique + "@it.example\",\"password\":\"correct horse battery\","
                                + "\"roles\":[\"admin\"],\"id\":\"00000000-0000-0000-0000-000000000000\",\"admin\":true}"),
                Arguments.of(
                        "display_name object",
                        "{\"email\":\"o-" + unique + "@it.example\",\"password\":\"correct horse battery\","
                                + "\"display_name\":{\"nested\":[1,2,{}]}}"),
                Arguments.of(
                        "trailing garbage",
                        "{\"email\":\"t-" + unique + "@it.example\",\"password\":\"correct horse battery\"} xyz"),
                Arguments.of("two objects", "{\"email\":\"a@it.example\"}{\"password\":\"correct horse battery\"}"),
                Arguments.of("single quotes", "{'email':'q@it.example','password':'correct horse battery'}"),
                Arguments.of("comments", "{/* c */\"email\":\"k@it.example\",\"password\":\"correct horse battery\"}"),
                Arguments.of(
                        "byte order mark",
                        "\uFEFF{\"email\":\"b-" + unique + "@it.example\",\"password\":\"correct horse battery\"}"),
                Arguments.of("unterminated string", "{\"email\":\"a@it.example,\"password\":\"correct"),
                Arguments.of("bad escape", "{\"email\":\"a\\q@it.example\",\"password\":\"\\uZZZZ\"}"),
                Arguments.of("bare words", "email=a@it.example&password=x"),
                Arguments.of("binary", "\u0000\u0001\u0002\u00ff\u00fe"),
                Arguments.of("only a key", "{\"email\"}"),
                Arguments.of("array fields", "{\"email\":[],\"password\":[],\"display_name\":[]}"));
    }

    /** A signup body of exactly the given UTF-8 size (ASCII only), padded with a long display_name. */
    private static String signupBodyOfBytes(int size) {
        String prefix = "{\"email\":\"" + Accounts.uniqueEmail() + "\",\"password\":\"" + Accounts.PASSWORD
                + "\",\"display_name\":\"";
        String suffix = "\"}";
        String body = prefix + "n".repeat(size - prefix.length() - suffix.length()) + suffix;
        assertEquals(size, body.getBytes(StandardCharsets.UTF_8).length);
        return body;
    }
}
