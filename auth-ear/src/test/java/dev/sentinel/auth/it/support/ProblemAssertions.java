package dev.sentinel.auth.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks of RFC 9457 problem responses as docs/api.md describes them (Conventions). */
public final class ProblemAssertions {
    /** What must never appear in a response: exception and framework class names, SQL, stack frames. */
    public static final List<String> LEAKS =
            List.of("Exception", "at dev.", "org.", "SQL", "jakarta.", "\tat ", "java.lang", "Caused by");

    private ProblemAssertions() {}

    /**
     * Asserts the reply is an application/problem+json of the given status with all four of
     * type, title, status and detail (status equal to the HTTP status), and leaks nothing.
     */
    public static JsonObject assertProblem(Reply reply, int status) {
        assertEquals(status, reply.status(), () -> "unexpected status: " + reply);
        return assertProblemShape(reply);
    }

    /** Like {@link #assertProblem} for whatever error status the reply has. */
    public static JsonObject assertProblemShape(Reply reply) {
        String contentType = reply.contentType();
        assertNotNull(contentType, () -> "no Content-Type: " + reply);
        assertTrue(
                contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json"),
                () -> "not problem+json but " + contentType + ": " + reply);
        assertNoLeak(reply);
        JsonObject problem;
        try {
            problem = reply.json();
        } catch (RuntimeException e) {
            return fail("problem body is not a JSON object: " + reply);
        }
        for (String member : List.of("type", "title", "detail")) {
            assertTrue(
                    problem.containsKey(member) && problem.get(member).getValueType() == JsonValue.ValueType.STRING,
                    () -> "problem lacks string \"" + member + "\": " + reply);
            assertFalse(problem.getString(member).isBlank(), () -> "problem has a blank \"" + member + "\": " + reply);
        }
        assertTrue(
                problem.containsKey("status") && problem.get("status").getValueType() == JsonValue.ValueType.NUMBER,
                () -> "problem lacks numeric \"status\": " + reply);
        assertEquals(
                reply.status(), problem.getInt("status"), () -> "problem status differs from HTTP status: " + reply);
        return problem;
    }

    /** A 400 validation problem whose "errors" name (at least) the given fields; answers the named fields. */
    public static Set<String> assertValidationProblem(Reply reply, String... fields) {
        JsonObject problem = assertProblem(reply, 400);
        assertTrue(
                problem.containsKey("errors") && problem.get("errors").getValueType() == JsonValue.ValueType.ARRAY,
                () -> "validation problem without an \"errors\" array: " + reply);
        Set<String> named = problem.getJsonArray("errors").stream()
                .map(JsonValue::asJsonObject)
                .peek(error -> assertTrue(error.containsKey("message"), () -> "error without message: " + reply))
                .map(error -> error.getString("field"))
                .collect(Collectors.toSet());
        for (String field : fields) {
            assertTrue(named.contains(field), () -> "\"errors\" does not name " + field + ": " + reply);
        }
        return named;
    }

    /** A 429 problem whose Retry-After is a whole number of seconds, from 1 up to the given most. */
    public static JsonObject assertTooManyRequests(Reply reply, long mostRetryAfterSeconds) {
        JsonObject problem = assertProblem(reply, 429);
        String retryAfter = reply.header("Retry-After");
        assertTrue(
                retryAfter != null && retryAfter.matches("\\d+"),
                () -> "Retry-After is not a number of seconds: '" + retryAfter + "'");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(
                seconds > 0 && seconds <= mostRetryAfterSeconds,
                () -> "Retry-After " + seconds + " s is not within 1.." + mostRetryAfterSeconds + " s");
        return problem;
    }

    /** No response body contains an exception or framework class name, SQL or a stack trace. */
    public static void assertNoLeak(Reply reply) {
        for (String leak : LEAKS) {
            assertFalse(reply.body().contains(leak), () -> "response body contains \"" + leak + "\": " + reply);
        }
    }
}
