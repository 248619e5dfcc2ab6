package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** As a user I want to prove that my address is mine, so that the service and its operator can trust it. */
class EmailVerificationIT {
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
    void theMailedLinkVerifiesTheAddressOnce() {
        // given a new user, not verified
        Session user = Accounts.signUp(api);
        assertFalse(api.me(user.accessToken()).json().getBoolean("email_verified"));

        // when the user asks for a link and confirms with its token
        Reply request = api.post("/api/auth/email-verification", null, user.accessToken());
        assertEquals(202, request.status(), () -> "verification request: " + request);
        Mail mail = smtp.awaitMail(user.email(), 1);
        Reply confirm = api.post("/api/auth/email-verification/confirm", Api.json("token", mail.token()));

        // then the user object says so, in the answer, in /me and in the next access token
        assertEquals(200, confirm.status(), () -> "confirm: " + confirm);
        assertTrue(confirm.json().getBoolean("email_verified"));
        assertEquals(user.userId(), confirm.json().getString("id"));
        assertTrue(api.me(user.accessToken()).json().getBoolean("email_verified"));
        Reply login = api.login(user.email(), Accounts.PASSWORD);
        assertTrue(login.json().getJsonObject("user").getBoolean("email_verified"));
        assertTrue(claimsOf(login.json().getString("access_token")).getBoolean("email_verified"));
        // and the link works once, and a verified address gets no new one
        assertProblem(api.post("/api/auth/email-verification/confirm", Api.json("token", mail.token())), 400);
        assertProblem(api.post("/api/auth/email-verification", null, user.accessToken()), 409);
    }

    @Test
    void theMailNamesTheProductAndTheLinksLifetime() {
        Session user = Accounts.signUp(api);
        assertEquals(
                202,
                api.post("/api/auth/email-verification", null, user.accessToken())
                        .status());
        Mail mail = smtp.awaitMail(user.email(), 1);
        assertTrue(mail.subject().contains("Sentinel"), mail.subject());
        assertTrue(mail.text().contains("https://auth.it.example/account/verify-email#token="), mail.text());
        assertTrue(mail.text().contains("2 days"), mail.text());
        assertTrue(mail.html().contains("2 days"), mail.html());
    }

    @Test
    void aResetTokenDoesNotVerifyAndAVerificationTokenDoesNotReset() {
        // given a token of each purpose
        Session user = Accounts.signUp(api);
        assertEquals(
                202,
                api.post("/api/auth/email-verification", null, user.accessToken())
                        .status());
        String verification = smtp.awaitMail(user.email(), 1).token();
        assertEquals(
                202,
                api.post("/api/auth/password-reset", Api.json("email", user.email()))
                        .status());
        String reset = smtp.awaitMail(user.email(), 2).token();

        // when each is used for the other purpose: refused, and neither is used up
        assertProblem(api.post("/api/auth/email-verification/confirm", Api.json("token", reset)), 400);
        assertProblem(
                api.post(
                        "/api/auth/password-reset/confirm",
                        Api.json("token", verification, "new_password", "another passphrase")),
                400);

        // then each still works for its own
        assertEquals(
                200,
                api.post("/api/auth/email-verification/confirm", Api.json("token", verification))
                        .status());
        assertEquals(
                204,
                api.post(
                                "/api/auth/password-reset/confirm",
                                Api.json("token", reset, "new_password", "another passphrase"))
                        .status());
    }

    @Test
    void sentAndVerifiedAreInTheAuditTrail() {
        Session user = Accounts.signUp(api);
        assertEquals(
                202,
                api.post("/api/auth/email-verification", null, user.accessToken())
                        .status());
        String token = smtp.awaitMail(user.email(), 1).token();
        assertEquals(
                200,
                api.post("/api/auth/email-verification/confirm", Api.json("token", token))
                        .status());
        AuditTrailClient.awaitEvent(server, "type=EMAIL_VERIFICATION_SENT&user_id=" + user.userId(), event -> true);
        AuditTrailClient.awaitEvent(server, "type=EMAIL_VERIFIED&user_id=" + user.userId(), event -> true);
    }

    @Test
    void withoutATokenTheRequestIsRefused() {
        assertProblem(api.post("/api/auth/email-verification", null, null), 401);
    }

    private static JsonObject claimsOf(String jwt) {
        String payload = jwt.split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
    }
}
