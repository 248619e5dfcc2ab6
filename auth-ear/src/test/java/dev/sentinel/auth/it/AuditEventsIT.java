package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.AuditTrailClient.encode;
import static dev.sentinel.auth.it.support.AuditTrailClient.sameIp;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertValidationProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * As an operator I want every authentication event in an audit trail I can search, filter and page through,
 * and only administrators may read it.
 */
class AuditEventsIT extends SharedServerTest {
    private static final String USER_AGENT = "auth-it/1.0";
    private static final Set<String> TYPES = Set.of(
            "SIGNUP",
            "LOGIN",
            "LOGOUT",
            "TOKEN_REFRESH",
            "REFRESH_TOKEN_REUSE",
            "RATE_LIMITED",
            "ACCOUNT_LOCKED",
            "PASSWORD_CHANGED",
            "SESSION_REVOKED",
            "ACCESS_DENIED");

    private static AuditTrailClient audit;
    private Instant testStart;

    @BeforeAll
    static void loginAsAdmin() {
        audit = AuditTrailClient.asAdmin(server);
    }

    @BeforeEach
    void noteTheStart() {
        testStart = Instant.now();
    }

    // ---- the event of a change commits with the change

    @Test
    void eventsOfChangesAreInTheTrailAsSoonAsTheChangeIsAnswered() {
        // given a user who signed up, logged in, refreshed and changed the password
        Accounts.Session user = Accounts.signUp(api);
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());
        assertEquals(200, api.refresh(user.refreshToken()).status());

        // when the trail is read right after the answers, with no waiting
        List<JsonObject> events = audit.events("user_id=" + user.userId());

        // then every change is there already: written in its own transaction, not queued for later
        assertEquals(List.of("TOKEN_REFRESH", "LOGIN", "SIGNUP"), types(events));
    }

    // ---- one event of each type

    @Test
    void signupIsRecorded() {
        // when a user signs up
        Accounts.Session user = Accounts.signUp(api);

        // then a SIGNUP success names the user, the new session and the client
        JsonObject event = awaitOfUser(user, "SIGNUP");
        assertEvent(event, "SIGNUP", "SUCCESS");
        assertEquals(user.email(), event.getString("email", null));
        assertEquals(user.sessionId(), event.getString("session_id", null));
    }

    @Test
    void successfulLoginIsRecorded() {
        // given an account
        Accounts.Session user = Accounts.signUp(api);

        // when it logs in
        Reply login = api.login(user.email(), Accounts.PASSWORD);
        assertEquals(200, login.status(), () -> "login: " + login);

        // then a LOGIN success names the user and the session the login started
        String sessionId = login.json().getString("session_id");
        JsonObject event = audit.await(
                "type=LOGIN&user_id=" + user.userId(),
                candidate -> sessionId.equals(candidate.getString("session_id", null)),
                "LOGIN of the new session");
        assertEvent(event, "LOGIN", "SUCCESS");
        assertEquals(user.userId(), event.getString("user_id", null));
        assertEquals(user.email(), event.getString("email", null));
    }

    @Test
    void failedLoginIsRecordedWithReasonInvalidCredentials() {
        // given an account
        Accounts.Session user = Accounts.signUp(api);

        // when a login brings a wrong password
        Reply login = api.login(user.email(), "a wrong password here");
        assertEquals(401, login.status(), () -> "login: " + login);

        // then a LOGIN failure names the email and the reason
        JsonObject event = audit.await(
                "type=LOGIN&email=" + encode(user.email()),
                candidate -> "FAILURE".equals(candidate.getString("outcome", null)),
                "LOGIN failure");
        assertEvent(event, "LOGIN", "FAILURE");
        assertEquals(user.email(), event.getString("email", null));
        assertEquals("invalid_credentials", event.getString("reason", null));
    }

    @Test
    void logoutIsRecorded() {
        // given a signed-up user
        Accounts.Session user = Accounts.signUp(api);

        // when it logs out
        Reply logout = api.post("/api/auth/logout", null, user.accessToken());
        assertEquals(204, logout.status(), () -> "logout: " + logout);

        // then a LOGOUT success names the user and the ended session
        JsonObject event = awaitOfUser(user, "LOGOUT");
        assertEvent(event, "LOGOUT", "SUCCESS");
        assertEquals(user.sessionId(), event.getString("session_id", null));
    }

    @Test
    void tokenRefreshIsRecorded() {
        // given a signed-up user
        Accounts.Session user = Accounts.signUp(api);

        // when it refreshes
        Reply refresh = api.refresh(user.refreshToken());
        assertEquals(200, refresh.status(), () -> "refresh: " + refresh);

        // then a TOKEN_REFRESH success names the user and the session
        JsonObject event = awaitOfUser(user, "TOKEN_REFRESH");
        assertEvent(event, "TOKEN_REFRESH", "SUCCESS");
        assertEquals(user.sessionId(), event.getString("session_id", null));
    }

    @Test
    void replayOfARotatedRefreshTokenAfterTheWindowIsRecordedAsReuse() {
        // given a refresh token that has been rotated
        Accounts.Session user = Accounts.signUp(api);
        Reply rotation = api.refresh(user.refreshToken());
        assertEquals(200, rotation.status(), () -> "refresh: " + rotation);
        Instant rotatedAt = Instant.now();

        // when it is replayed until the reuse window (2 s) has passed and the replay is refused
        Instant deadline = rotatedAt.plusSeconds(3L * TestEnvironment.REUSE_WINDOW_SECONDS + 2);
        Reply replay = api.refresh(user.refreshToken());
        while (replay.status() == 200 && Instant.now().isBefore(deadline)) {
            Pause.millis(200);
            replay = api.refresh(user.refreshToken());
        }
        assertEquals(401, replay.status(), "replay after the window: " + replay);

        // then a REFRESH_TOKEN_REUSE failure names the user and the revoked session
        JsonObject event = awaitOfUser(user, "REFRESH_TOKEN_REUSE");
        assertEvent(event, "REFRESH_TOKEN_REUSE", "FAILURE");
        assertEquals(user.sessionId(), event.getString("session_id", null));
    }

    @Test
    void rateLimitingIsRecordedWithTheClientIp() {
        // when one client sends refresh requests until refused (30 a minute per IP)
        Reply reply = api.refresh("never-issued");
        for (int sent = 1; reply.status() != 429 && sent < 60; sent++) {
            reply = api.refresh("never-issued");
        }
        assertEquals(429, reply.status(), "no 429 after 60 refreshes: " + reply);

        // then a RATE_LIMITED event names that client
        JsonObject event = audit.await(
                "type=RATE_LIMITED&limit=500&since="
                        + encode(testStart.minusSeconds(1).toString()),
                candidate -> sameIp(api.clientIp(), candidate.getString("ip", null)),
                "RATE_LIMITED of " + api.clientIp());
        assertEvent(event, "RATE_LIMITED", "FAILURE");
    }

    @Test
    void accountLockIsRecordedWithTheEmail() {
        // given an email
        String email = Accounts.uniqueEmail();

        // when five logins with it fail (the lockout threshold)
        for (int i = 0; i < 5; i++) {
            Reply failed = api.login(email, "a wrong password here");
            assertEquals(401, failed.status(), () -> "failed login: " + failed);
        }

        // then an ACCOUNT_LOCKED event names the email
        JsonObject event = audit.await(
                "type=ACCOUNT_LOCKED&email=" + encode(email), candidate -> true, "ACCOUNT_LOCKED of " + email);
        assertEvent(event, "ACCOUNT_LOCKED", "FAILURE");
        assertEquals(email, event.getString("email", null));
    }

    @Test
    void passwordChangeIsRecorded() {
        // given a signed-up user
        Accounts.Session user = Accounts.signUp(api);

        // when it changes its password
        Reply change = api.post(
                "/api/auth/password",
                Api.json("current_password", Accounts.PASSWORD, "new_password", "another password entirely"),
                user.accessToken());
        assertEquals(204, change.status(), () -> "password change: " + change);

        // then a PASSWORD_CHANGED success names the user
        JsonObject event = awaitOfUser(user, "PASSWORD_CHANGED");
        assertEvent(event, "PASSWORD_CHANGED", "SUCCESS");
        assertEquals(user.email(), event.getString("email", null));
    }

    @Test
    void sessionRevocationIsRecorded() {
        // given a user with a second session
        Accounts.Session user = Accounts.signUp(api);
        Reply second = api.login(user.email(), Accounts.PASSWORD);
        assertEquals(200, second.status(), () -> "login: " + second);
        String secondSession = second.json().getString("session_id");

        // when the first session deletes the second
        Reply revoke = api.delete("/api/auth/sessions/" + secondSession, user.accessToken());
        assertEquals(204, revoke.status(), () -> "revoke: " + revoke);

        // then a SESSION_REVOKED success names the user and the revoked session
        JsonObject event = awaitOfUser(user, "SESSION_REVOKED");
        assertEvent(event, "SESSION_REVOKED", "SUCCESS");
        assertEquals(secondSession, event.getString("session_id", null));
    }

    @Test
    void nonAdminIsRefusedWith403AndRecordedAsAccessDenied() {
        // given a user without the admin group
        Accounts.Session user = Accounts.signUp(api);

        // when it reads the audit trail
        Reply refused = api.get(AuditTrailClient.PATH, user.accessToken());

        // then it gets 403 as a problem, and an ACCESS_DENIED failure names it
        assertEquals(403, refused.status(), () -> "non-admin: " + refused);
        assertProblem(refused, 403);
        JsonObject event = awaitOfUser(user, "ACCESS_DENIED");
        assertEvent(event, "ACCESS_DENIED", "FAILURE");
    }

    @Test
    void withoutATokenTheAuditTrailAnswers401() {
        // when the audit trail is read without a token
        Reply reply = api.get(AuditTrailClient.PATH, null);

        // then it is 401 as a problem
        assertEquals(401, reply.status(), () -> "no token: " + reply);
        assertProblem(reply, 401);
    }

    // ---- filters, order and pages

    @Test
    void typeFilterAnswersOnlyThatType() {
        // given a user that signed up and logged in
        Accounts.Session user = Accounts.signUp(api);
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());
        awaitOfUser(user, "LOGIN");

        // when events are filtered by type
        List<JsonObject> logins = audit.events("type=LOGIN&limit=500");

        // then all are of that type, including the user's login
        assertFalse(logins.isEmpty());
        logins.forEach(event -> assertEquals("LOGIN", event.getString("type"), event::toString));
        assertTrue(logins.stream().anyMatch(event -> user.userId().equals(event.getString("user_id", null))));
    }

    @Test
    void userIdFilterAnswersOnlyThatUsersEventsNewestFirst() {
        // given a user that signed up, logged in and refreshed, and another user
        Accounts.Session user = Accounts.signUp(api);
        Accounts.signUp(Api.of(server));
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());
        assertEquals(200, api.refresh(user.refreshToken()).status());

        // when events are filtered by the user's id
        List<JsonObject> events =
                audit.awaitPage("user_id=" + user.userId(), page -> page.size() >= 3, "three events of the user");

        // then they are the user's three, newest first
        events.forEach(event -> assertEquals(user.userId(), event.getString("user_id", null), event::toString));
        assertEquals(List.of("TOKEN_REFRESH", "LOGIN", "SIGNUP"), types(events));
        assertNewestFirst(events);
    }

    @Test
    void emailFilterAnswersOnlyThatEmail() {
        // given a user that signed up and failed a login, and another user
        Accounts.Session user = Accounts.signUp(api);
        Accounts.signUp(Api.of(server));
        assertEquals(401, api.login(user.email(), "a wrong password here").status());

        // when events are filtered by the email, written in another case
        List<JsonObject> events = audit.awaitPage(
                "email=" + encode(user.email().toUpperCase()), page -> page.size() >= 2, "two events of the email");

        // then they are the two of that email
        events.forEach(event -> assertEquals(user.email(), event.getString("email", null), event::toString));
        assertEquals(List.of("LOGIN", "SIGNUP"), types(events));
    }

    @Test
    void sinceAndUntilBoundTheTimeOfOccurrence() {
        // given a user with three events at distinct times: signup, login, refresh
        Accounts.Session user = Accounts.signUp(api);
        Instant signedUp = occurredAt(awaitOfUser(user, "SIGNUP"));
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());
        Instant loggedIn = occurredAt(awaitOfUser(user, "LOGIN"));
        assertEquals(200, api.refresh(user.refreshToken()).status());
        Instant refreshed = occurredAt(awaitOfUser(user, "TOKEN_REFRESH"));
        assertTrue(
                signedUp.isBefore(loggedIn) && loggedIn.isBefore(refreshed),
                () -> "events not in time order: " + signedUp + " " + loggedIn + " " + refreshed);
        Instant afterSignup = midpoint(signedUp, loggedIn);
        Instant beforeRefresh = midpoint(loggedIn, refreshed);
        String ofUser = "user_id=" + user.userId();

        // when events are filtered by since, until and both
        List<JsonObject> since = audit.events(ofUser + "&since=" + encode(afterSignup.toString()));
        List<JsonObject> until = audit.events(ofUser + "&until=" + encode(beforeRefresh.toString()));
        List<JsonObject> between = audit.events(
                ofUser + "&since=" + encode(afterSignup.toString()) + "&until=" + encode(beforeRefresh.toString()));

        // then each answers exactly the events inside its bounds
        assertEquals(List.of("TOKEN_REFRESH", "LOGIN"), types(since));
        assertEquals(List.of("LOGIN", "SIGNUP"), types(until));
        assertEquals(List.of("LOGIN"), types(between));
    }

    @Test
    void limitCapsThePageAtTheNewestEvents() {
        // given a user with three events
        Accounts.Session user = Accounts.signUp(api);
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());
        assertEquals(200, api.refresh(user.refreshToken()).status());
        audit.awaitPage("user_id=" + user.userId(), page -> page.size() >= 3, "three events of the user");

        // when one page of at most one event is asked for
        List<JsonObject> page = audit.events("user_id=" + user.userId() + "&limit=1");

        // then it holds only the newest
        assertEquals(List.of("TOKEN_REFRESH"), types(page));
    }

    @Test
    void pagesOfTwoWalkAllEventsOfAUserWithoutOverlapOrGap() {
        // given a user with five events: signup, login, two refreshes, logout
        Accounts.Session user = Accounts.signUp(api);
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());
        Reply first = api.refresh(user.refreshToken());
        assertEquals(200, first.status());
        assertEquals(200, api.refresh(first.json().getString("refresh_token")).status());
        assertEquals(
                204,
                api.post("/api/auth/logout", null, first.json().getString("access_token"))
                        .status());
        List<JsonObject> all = audit.awaitPage(
                "user_id=" + user.userId() + "&limit=500", page -> page.size() >= 5, "five events of the user");

        // when they are read two at a time, following next_cursor
        List<String> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 10; pages++) {
            Reply reply = audit.query(
                    "user_id=" + user.userId() + "&limit=2" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            assertEquals(200, reply.status(), reply::toString);
            reply.items().forEach(item -> walked.add(id(item.asJsonObject())));
            pageSizes.add(reply.items().size());
            JsonObject body = reply.json();
            cursor = body.containsKey("next_cursor") && !body.isNull("next_cursor")
                    ? body.getString("next_cursor")
                    : null;
            if (cursor == null) {
                break;
            }
        }

        // then the pages hold every event once, in the same order as one big page, and the last has no cursor
        assertEquals(all.stream().map(AuditEventsIT::id).toList(), walked, "pages of " + pageSizes);
        assertEquals(walked.size(), new HashSet<>(walked).size(), "an event on two pages");
        pageSizes.forEach(size -> assertTrue(size <= 2, "page sizes " + pageSizes));
        assertTrue(pageSizes.size() >= 3, "five events in pages of two: " + pageSizes);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({
        "type=NOPE, type",
        "user_id=x, user_id",
        "since=yesterday, since",
        "until=tomorrow, until",
        "limit=0, limit",
        "limit=501, limit",
        "limit=abc, limit",
        "cursor=garbage, cursor"
    })
    void badFilterIsRefusedNamingTheField(String query, String field) {
        // when the audit trail is asked with a malformed filter
        Reply reply = audit.query(query);

        // then it is a 400 problem whose errors name the field
        assertEquals(400, reply.status(), () -> query + ": " + reply);
        assertValidationProblem(reply, field);
    }

    // ---- helpers

    private JsonObject awaitOfUser(Accounts.Session user, String type) {
        return audit.await(
                "type=" + type + "&user_id=" + user.userId(),
                candidate -> user.userId().equals(candidate.getString("user_id", null)),
                type + " of user " + user.userId());
    }

    /** The fields every event of a request from this test's client carries (user_id where it applies is checked by the caller). */
    private void assertEvent(JsonObject event, String type, String outcome) {
        assertEquals(type, event.getString("type", null), event::toString);
        assertTrue(TYPES.contains(type));
        assertEquals(outcome, event.getString("outcome", null), event::toString);
        assertFalse(id(event).isBlank(), () -> "no id: " + event);
        Instant occurred = occurredAt(event);
        assertFalse(
                occurred.isBefore(testStart.minusSeconds(2))
                        || occurred.isAfter(Instant.now().plusSeconds(2)),
                () -> "occurred_at " + occurred + " outside the test (" + testStart + " .. now)");
        assertTrue(
                sameIp(api.clientIp(), event.getString("ip", null)),
                () -> "ip, expected " + api.clientIp() + ": " + event);
        assertEquals(USER_AGENT, event.getString("user_agent", null), event::toString);
    }

    private static String id(JsonObject event) {
        JsonValue id = event.get("id");
        if (id == null || id.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        return id.getValueType() == JsonValue.ValueType.STRING ? event.getString("id") : id.toString();
    }

    private static Instant occurredAt(JsonObject event) {
        String text = event.getString("occurred_at", null);
        assertNotNull(text, () -> "no occurred_at: " + event);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fail("occurred_at is not an ISO-8601 instant: " + text);
        }
    }

    private static List<String> types(List<JsonObject> events) {
        return events.stream().map(event -> event.getString("type")).toList();
    }

    private static void assertNewestFirst(List<JsonObject> events) {
        for (int i = 1; i < events.size(); i++) {
            assertFalse(
                    occurredAt(events.get(i)).isAfter(occurredAt(events.get(i - 1))),
                    () -> "not newest first: " + events);
        }
    }

    private static Instant midpoint(Instant earlier, Instant later) {
        return earlier.plus(Duration.between(earlier, later).dividedBy(2));
    }
}
