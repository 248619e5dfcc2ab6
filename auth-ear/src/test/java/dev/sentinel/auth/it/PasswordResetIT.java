package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertValidationProblem;
import static dev.sentinel.auth.it.support.Revocation.assertRefusedWithinOneSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.MailEnvironment;
import dev.sentinel.auth.it.support.MailServer;
import dev.sentinel.auth.it.support.MailServer.Mail;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * As a user who forgot my password, I want a mailed link that lets me set a new one, so that my account is not
 * lost; and nobody else learns through it whether an address has an account.
 */
class PasswordResetIT {
    private static final String NEW_PASSWORD = "a fresh reset passphrase";

    private static AuthServer server;
    private static MailServer smtp;
    private Api api;

    @BeforeAll
    static void startServers() {
        server = MailEnvironment.server();
        smtp = MailEnvironment.smtp();
    }

    @BeforeEach
    void newClientOfItsOwn() {
        api = Api.of(server);
    }

    @Test
    void theMailedLinkSetsANewPasswordOnceAndEndsEverySession() {
        // given a user with three sessions who asked for a reset
        List<Session> sessions = Accounts.threeSessionsOfOneUser(api);
        String email = sessions.get(0).email();
        Reply request = requestReset(email);
        assertEquals(202, request.status(), () -> "reset request: " + request);

        // when the mailed link's token sets a new password
        Mail mail = smtp.awaitMail(email, 1);
        Reply confirm = confirm(mail.token(), NEW_PASSWORD);
        long revokedAt = System.nanoTime();

        // then the password changed and every session ended
        assertEquals(204, confirm.status(), () -> "reset confirm: " + confirm);
        for (Session session : sessions) {
            assertProblem(api.refresh(session.refreshToken()), 401);
            assertRefusedWithinOneSecond(api, session.accessToken(), revokedAt);
        }
        assertProblem(api.login(email, Accounts.PASSWORD), 401);
        assertEquals(200, api.login(email, NEW_PASSWORD).status());
        // and the link works once
        assertProblem(confirm(mail.token(), "yet another passphrase"), 400);
        assertEquals(200, api.login(email, NEW_PASSWORD).status());
    }

    @Test
    void theMailNamesTheProductAndTheLinksLifetimeInTextAndHtml() {
        // given
        Session user = Accounts.signUp(api);

        // when
        assertEquals(202, requestReset(user.email()).status());

        // then
        Mail mail = smtp.awaitMail(user.email(), 1);
        assertTrue(mail.subject().contains("Sentinel"), mail.subject());
        assertTrue(mail.text().contains("https://auth.it.example/account/reset-password#token="), mail.text());
        assertTrue(mail.text().contains("30 minutes"), mail.text());
        assertNotNull(mail.html(), "no HTML body");
        assertTrue(mail.html().contains("href=\"https://auth.it.example/account/reset-password#token="), mail.html());
        assertTrue(mail.html().contains("30 minutes"), mail.html());
    }

    @Test
    void aNewerLinkKillsTheOlder() {
        // given two requests, two mails
        Session user = Accounts.signUp(api);
        assertEquals(202, requestReset(user.email()).status());
        String older = smtp.awaitMail(user.email(), 1).token();
        assertEquals(202, requestReset(user.email()).status());
        String newer = smtp.awaitMail(user.email(), 2).token();

        // when / then
        assertProblem(confirm(older, NEW_PASSWORD), 400);
        assertEquals(204, confirm(newer, NEW_PASSWORD).status());
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        // given
        String unknown = Accounts.uniqueEmail();
        Session known = Accounts.signUp(api);

        // when
        Reply forUnknown = requestReset(unknown);
        Reply forKnown = requestReset(known.email());

        // then both answers are the same, and only the known address gets a mail
        assertEquals(202, forUnknown.status());
        assertEquals(forKnown.status(), forUnknown.status());
        assertEquals(forKnown.body(), forUnknown.body());
        assertEquals(forKnown.contentType(), forUnknown.contentType());
        smtp.awaitMail(known.email(), 1); // queued after the unknown one: that one would have gone out first
        assertEquals(List.of(), smtp.mailsTo(unknown));
    }

    @Test
    void aResetClearsTheLockoutOfTheEmail() {
        // given an email locked for this client after five wrong passwords
        Session user = Accounts.signUp(api);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.login(user.email(), "not the password").status());
        }
        assertEquals(429, api.login(user.email(), Accounts.PASSWORD).status());

        // when
        assertEquals(202, requestReset(user.email()).status());
        assertEquals(
                204,
                confirm(smtp.awaitMail(user.email(), 1).token(), NEW_PASSWORD).status());

        // then
        Reply login = api.login(user.email(), NEW_PASSWORD);
        assertEquals(200, login.status(), () -> "login after the reset: " + login);
    }

    @Test
    void badInputIsRefusedInWords() {
        assertProblem(confirm("not-a-token-we-issued", NEW_PASSWORD), 400);
        assertValidationProblem(requestReset("not an email"), "email");
        assertValidationProblem(api.post("/api/auth/password-reset/confirm", "{\"token\":\"x\"}"), "new_password");
        Session user = Accounts.signUp(api);
        assertEquals(202, requestReset(user.email()).status());
        assertValidationProblem(confirm(smtp.awaitMail(user.email(), 1).token(), "short"), "new_password");
    }

    @Test
    void theDatabaseKeepsOnlyTheTokensHashAndNoLogHasTheToken() throws Exception {
        // given a mailed token
        Session user = Accounts.signUp(api);
        assertEquals(202, requestReset(user.email()).status());
        String token = smtp.awaitMail(user.email(), 1).token();

        // when everything stored is read, once the token's hash is there
        String stored = MailEnvironment.storedText(List.of("mail_queue", "one_time_tokens"), sha256(token));

        // then the token itself is in no row, no file and no log line
        assertFalse(stored.contains(token), "the database holds the token in clear");
        assertFalse(server.logs().contains(token), "a log holds the token");
        assertEquals(204, confirm(token, NEW_PASSWORD).status());
        assertFalse(server.logs().contains(token), "a log holds the token");
    }

    @Test
    void requestAndResetAreInTheAuditTrail() {
        // given
        Session user = Accounts.signUp(api);

        // when
        assertEquals(202, requestReset(user.email()).status());
        assertEquals(
                204,
                confirm(smtp.awaitMail(user.email(), 1).token(), NEW_PASSWORD).status());

        // then
        AuditTrailClient.awaitEvent(
                server,
                "type=PASSWORD_RESET_REQUESTED&user_id=" + user.userId(),
                event -> "SUCCESS".equals(event.getString("outcome")));
        AuditTrailClient.awaitEvent(
                server,
                "type=PASSWORD_RESET&user_id=" + user.userId(),
                event -> "SUCCESS".equals(event.getString("outcome")));
    }

    @Test
    void withoutSmtpTheMailEndpointsAnswer503() {
        Api withoutMail = Api.of(TestEnvironment.sharedServer());
        var problem = assertProblem(
                withoutMail.post("/api/auth/password-reset", Api.json("email", Accounts.uniqueEmail())), 503);
        assertTrue(problem.getString("type").endsWith("mail-not-configured"), problem::toString);
    }

    private Reply requestReset(String email) {
        return api.post("/api/auth/password-reset", Api.json("email", email));
    }

    private Reply confirm(String token, String newPassword) {
        return api.post("/api/auth/password-reset/confirm", Api.json("token", token, "new_password", newPassword));
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
