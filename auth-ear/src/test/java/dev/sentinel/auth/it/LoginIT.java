package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** US2: a user with an account logs in with email and password. */
class LoginIT extends SharedServerTest {
    @Test
    void loginAnswers200WithTheTokenResponse() {
        // given
        Accounts.Session account = Accounts.signUp(api);

        // when
        Reply reply = api.login(account.email(), Accounts.PASSWORD);

        // then
        assertEquals(200, reply.status(), reply::toString);
        JsonObject body = reply.json();
        assertEquals(3, body.getString("access_token").split("\\.", -1).length, "access_token is not a JWT");
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(900, body.getInt("expires_in"));
        assertTrue(body.getString("refresh_token").matches("[A-Za-z0-9_-]{43,}"), body::toString);
        assertFalse(body.getString("session_id").isBlank());
        JsonObject user = body.getJsonObject("user");
        assertEquals(account.userId(), user.getString("id"));
        assertEquals(account.email(), user.getString("email"));
        assertEquals(List.of("user"), user.getJsonArray("roles").getValuesAs(JsonString::getString));
        assertTrue(user.containsKey("created_at"), user::toString);
        assertEquals(200, api.me(body.getString("access_token")).status(), "the new access token must work");
    }

    @Test
    void wrongPasswordIs401Problem() {
        // given
        Accounts.Session account = Accounts.signUp(api);

        // when
        Reply reply = api.login(account.email(), "not the password");

        // then
        assertProblem(reply, 401);
        assertFalse(reply.body().contains("access_token"), reply::toString);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetIdenticalBodies() {
        // given
        Accounts.Session account = Accounts.signUp(api);

        // when
        Reply wrongPassword = api.login(account.email(), "not the password");
        Reply unknownEmail = api.login(Accounts.uniqueEmail(), "not the password");

        // then
        assertProblem(wrongPassword, 401);
        assertProblem(unknownEmail, 401);
        assertEquals(wrongPassword.json(), unknownEmail.json());
        assertEquals(wrongPassword.contentType(), unknownEmail.contentType());
    }

    @Test
    void unknownEmailTakesAboutAsLongAsAWrongPassword() {
        // given two accounts (failures alternate between them so that neither reaches the lockout threshold)
        Accounts.Session first = Accounts.signUp(api);
        Accounts.Session second = Accounts.signUp(api);
        timedLogin(Accounts.uniqueEmail()); // warm-up of both paths, not measured
        timedLogin(first.email());
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();

        // when
        for (int i = 0; i < 5; i++) {
            wrongPassword.add(timedLogin((i % 2 == 0 ? second : first).email()));
            unknownEmail.add(timedLogin(Accounts.uniqueEmail()));
        }

        // then
        long wrongMedian = median(wrongPassword);
        long unknownMedian = median(unknownEmail);
        assertTrue(
                unknownMedian * 2 >= wrongMedian,
                () -> "unknown email answers much faster (median "
                        + unknownMedian / 1_000_000 + " ms) than a wrong password (median " + wrongMedian / 1_000_000
                        + " ms): the email's existence leaks. wrong=" + wrongPassword + " unknown=" + unknownEmail);
    }

    @Test
    void emailIsCaseInsensitiveAndTrimmed() {
        // given
        Accounts.Session account = Accounts.signUp(api);

        // when
        Reply reply = api.login("  " + account.email().toUpperCase(Locale.ROOT) + " ", Accounts.PASSWORD);

        // then
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(account.userId(), reply.json().getJsonObject("user").getString("id"));
        assertEquals(account.email(), reply.json().getJsonObject("user").getString("email"));
    }

    @Test
    void passwordWithATrailingSpaceIsRefused() {
        // given
        Accounts.Session account = Accounts.signUp(api);

        // when
        Reply reply = api.login(account.email(), Accounts.PASSWORD + " ");

        // then
        assertProblem(reply, 401);
    }

    @Test
    void passwordInOtherCaseIsRefused() {
        // given
        Accounts.Session account = Accounts.signUp(api);

        // when
        Reply reply = api.login(account.email(), Accounts.PASSWORD.toUpperCase(Locale.ROOT));

        // then
        assertProblem(reply, 401);
    }

    @Test
    void passwordWithSurroundingSpacesIsKeptAsTyped() {
        // given
        String email = Accounts.uniqueEmail();
        String password = "  spaced out password  ";
        assertEquals(201, api.signup(email, password).status());

        // when
        Reply exact = api.login(email, password);
        Reply trimmed = api.login(email, password.trim());

        // then
        assertEquals(200, exact.status(), exact::toString);
        assertProblem(trimmed, 401);
    }

    @Test
    void eachLoginOpensANewSession() {
        // given
        Accounts.Session account = Accounts.signUp(api);

        // when
        Reply first = api.login(account.email(), Accounts.PASSWORD);
        Reply second = api.login(account.email(), Accounts.PASSWORD);

        // then
        assertEquals(200, first.status(), first::toString);
        assertEquals(200, second.status(), second::toString);
        String firstSession = first.json().getString("session_id");
        String secondSession = second.json().getString("session_id");
        assertNotEquals(firstSession, secondSession);
        assertNotEquals(account.sessionId(), firstSession);
        assertNotEquals(first.json().getString("refresh_token"), second.json().getString("refresh_token"));
        Reply sessions = api.get("/api/auth/sessions", second.json().getString("access_token"));
        assertEquals(200, sessions.status(), sessions::toString);
        Set<String> live = sessions.items().stream()
                .map(item -> item.asJsonObject().getString("id"))
                .collect(Collectors.toSet());
        assertTrue(
                live.containsAll(Set.of(account.sessionId(), firstSession, secondSession)),
                () -> "sessions listed: " + live);
    }

    /** One failing login from a client of its own (the login bucket is per IP); answers nanoseconds. */
    private long timedLogin(String email) {
        Api client = Api.of(server);
        long start = System.nanoTime();
        Reply reply = client.login(email, "definitely wrong password");
        long elapsed = System.nanoTime() - start;
        assertEquals(401, reply.status(), reply::toString);
        return elapsed;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
