package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertValidationProblem;
import static dev.sentinel.auth.it.support.Revocation.assertRefusedWithinOneSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** US5: a client trades its refresh token for new tokens; a replayed stolen token ends the session. */
class RefreshRotationIT extends SharedServerTest {
    @Test
    void refreshReturnsANewRefreshTokenAndANewAccessTokenOfTheSameSession() {
        // given
        Session session = Accounts.signUp(api);

        // when
        Reply reply = api.refresh(session.refreshToken());

        // then
        assertEquals(200, reply.status(), () -> "refresh: " + reply);
        JsonObject tokens = reply.json();
        assertEquals("Bearer", tokens.getString("token_type"));
        assertTrue(tokens.getInt("expires_in") > 0, reply::body);
        assertNotEquals(session.refreshToken(), tokens.getString("refresh_token"), "refresh token not rotated");
        assertNotEquals(session.accessToken(), tokens.getString("access_token"), "access token not renewed");
        assertEquals(session.sessionId(), tokens.getString("session_id"));
        assertEquals(session.userId(), tokens.getJsonObject("user").getString("id"));
        assertEquals(
                session.sessionId(), claims(tokens.getString("access_token")).getString("sid"));
        assertEquals(200, api.me(tokens.getString("access_token")).status(), "new access token refused");
    }

    @Test
    void theNewRefreshTokenWorksForTheNextRefresh() {
        // given
        Session session = Accounts.signUp(api);
        String second = refreshed(api, session.refreshToken()).getString("refresh_token");

        // when
        Reply reply = api.refresh(second);

        // then
        assertEquals(200, reply.status(), () -> "refresh with the successor: " + reply);
        String third = reply.json().getString("refresh_token");
        assertEquals(3, Set.of(session.refreshToken(), second, third).size(), "a refresh token came back twice");
        assertEquals(session.sessionId(), reply.json().getString("session_id"));
    }

    @Test
    void replayWithinTheReuseWindowAnswersTheSameSuccessor() {
        // given
        Session session = Accounts.signUp(api);
        String successor = refreshed(api, session.refreshToken()).getString("refresh_token");

        // when
        Reply replay = api.refresh(session.refreshToken());

        // then
        assertEquals(200, replay.status(), () -> "replay within the window: " + replay);
        assertEquals(successor, replay.json().getString("refresh_token"), "replay yielded another successor");
        assertEquals(session.sessionId(), replay.json().getString("session_id"));
        assertEquals(200, api.me(replay.json().getString("access_token")).status());
    }

    @Test
    void concurrentRefreshesOfOneTokenBothSucceedWithTheSameSuccessor() throws Exception {
        // given
        Session session = Accounts.signUp(api);

        // when
        List<Reply> both = Concurrently.all(List.<Callable<Reply>>of(
                () -> api.refresh(session.refreshToken()), () -> api.refresh(session.refreshToken())));
        Reply one = both.get(0);
        Reply two = both.get(1);

        // then
        assertEquals(200, one.status(), () -> "first concurrent refresh: " + one);
        assertEquals(200, two.status(), () -> "second concurrent refresh: " + two);
        assertEquals(
                one.json().getString("refresh_token"),
                two.json().getString("refresh_token"),
                "two different successors of one refresh token");
        assertNotEquals(session.refreshToken(), one.json().getString("refresh_token"));
        assertEquals(session.sessionId(), one.json().getString("session_id"));
        assertEquals(session.sessionId(), two.json().getString("session_id"));
        assertEquals(
                200, api.refresh(one.json().getString("refresh_token")).status(), "the shared successor does not work");
    }

    @Test
    void replayAfterTheReuseWindowIsRefusedAndRevokesTheWholeSession() {
        // given
        Session session = Accounts.signUp(api);
        JsonObject rotated = refreshed(api, session.refreshToken());
        waitOutTheReuseWindow();

        // when
        Reply replay = api.refresh(session.refreshToken());
        long revokedAt = System.nanoTime();

        // then
        assertProblem(replay, 401);
        assertProblem(api.refresh(rotated.getString("refresh_token")), 401);
        assertRefusedWithinOneSecond(api, rotated.getString("access_token"), revokedAt);
        assertEquals(401, api.me(session.accessToken()).status(), "the first access token still works");
    }

    @Test
    void replayAfterTheReuseWindowIsRecordedAsReuse() {
        // given
        Session session = Accounts.signUp(api);
        refreshed(api, session.refreshToken());
        waitOutTheReuseWindow();

        // when
        assertEquals(401, api.refresh(session.refreshToken()).status());

        // then
        JsonObject event = AuditTrailClient.awaitEvent(
                server,
                "type=REFRESH_TOKEN_REUSE&user_id=" + session.userId(),
                e -> session.sessionId().equals(e.getString("session_id", null)));
        assertEquals("REFRESH_TOKEN_REUSE", event.getString("type"));
        assertEquals("FAILURE", event.getString("outcome"));
        assertEquals(session.userId(), event.getString("user_id"));
        assertTrue(!event.toString().contains(session.refreshToken()), "the event holds the refresh token");
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        // given
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

        // when
        Reply reply = api.refresh(unknown);

        // then
        assertProblem(reply, 401);
        assertTrue(!reply.body().contains(unknown), "the error echoes the token");
    }

    @Test
    void garbageRefreshTokenIsRefused() {
        // when
        Reply reply = api.refresh("not a token at all ;-) ñ");

        // then
        assertProblem(reply, 401);
    }

    @Test
    void emptyRefreshTokenIsRefused() {
        // when
        Reply reply = api.post("/api/auth/refresh", "{\"refresh_token\":\"\"}");

        // then: an empty string is either an unknown token (401) or a field of a bad length (400)
        assertTrue(reply.status() == 400 || reply.status() == 401, () -> "empty refresh token: " + reply);
        assertProblem(reply, reply.status());
        if (reply.status() == 400) {
            assertValidationProblem(reply, "refresh_token");
        }
    }

    @Test
    void missingRefreshTokenFieldIsInvalid() {
        // when
        Reply reply = api.post("/api/auth/refresh", "{}");

        // then
        assertValidationProblem(reply, "refresh_token");
    }

    @Test
    void refreshAfterLogoutIsRefused() {
        // given
        Session session = Accounts.signUp(api);
        Reply logout = api.send("POST", "/api/auth/logout", null, null, session.accessToken(), Map.of());
        assertEquals(204, logout.status(), () -> "logout: " + logout);

        // when
        Reply reply = api.refresh(session.refreshToken());

        // then
        assertProblem(reply, 401);
    }

    // ---- helpers

    private static JsonObject refreshed(Api api, String refreshToken) {
        Reply reply = api.refresh(refreshToken);
        assertEquals(200, reply.status(), () -> "refresh: " + reply);
        return reply.json();
    }

    /** The reuse window is a time rule: nothing to poll for, so wait it out with a margin. */
    private static void waitOutTheReuseWindow() {
        Pause.millis(TestEnvironment.REUSE_WINDOW_SECONDS * 1000L + 700);
    }

    private static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "not a JWS compact serialisation");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }
}
