package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.MailServer;
import dev.sentinel.auth.it.support.MailServer.Mail;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * As an operator I want to require a verified address, so that nobody uses an account with an address that is
 * not theirs, and signup no longer tells strangers which addresses have an account.
 */
class RequireVerifiedEmailIT {
    private static MailServer smtp;
    private static AuthServer server;
    private Api api;

    @BeforeAll
    static void start() {
        smtp = MailServer.onFreePort().start();
        String database = TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null;
        Map<String, String> env = TestEnvironment.database(database);
        env.putAll(smtp.environment());
        env.put("AUTH_REQUIRE_VERIFIED_EMAIL", "true");
        server = AuthServer.start("require-verified", TestEnvironment.withTestSettings(env));
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.close();
    }

    @BeforeEach
    void newClientOfItsOwn() {
        api = Api.of(server);
    }

    @Test
    void aNewAccountLogsInOnlyOnceItsAddressIsVerified() {
        // given a signup: no tokens, and a verification mail
        String email = Accounts.uniqueEmail();
        Reply signup = api.signup(email, Accounts.PASSWORD);
        assertEquals(202, signup.status(), () -> "signup: " + signup);
        assertFalse(signup.json().containsKey("access_token"), signup.body());
        assertFalse(signup.json().getJsonObject("user").getBoolean("email_verified"));
        Mail mail = smtp.awaitMail(email, 1);

        // when it logs in before verifying: refused after the right password
        JsonObject refused = assertProblem(api.login(email, Accounts.PASSWORD), 403);
        assertTrue(refused.getString("type").endsWith("email-not-verified"), refused::toString);
        assertProblem(api.login(email, "not the password"), 401);

        // then, verified, it logs in
        assertEquals(
                200,
                api.post("/api/auth/email-verification/confirm", Api.json("token", mail.token()))
                        .status());
        Reply login = api.login(email, Accounts.PASSWORD);
        assertEquals(200, login.status(), () -> "login after verification: " + login);
        assertTrue(login.json().getJsonObject("user").getBoolean("email_verified"));
    }

    @Test
    void signupOfATakenAddressAnswersAlikeAndTellsTheOwner() {
        // given an account
        String email = Accounts.uniqueEmail();
        Reply first = api.signup(email, Accounts.PASSWORD);
        assertEquals(202, first.status());
        smtp.awaitMail(email, 1);

        // when someone signs up with the same address
        Reply again = api.from(Api.randomIp()).signup(email, "another password entirely");

        // then the answer has the same shape, and the owner gets a mail saying so
        assertEquals(202, again.status(), () -> "second signup: " + again);
        assertEquals(first.json().keySet(), again.json().keySet());
        assertEquals(
                first.json().getJsonObject("user").keySet(),
                again.json().getJsonObject("user").keySet());
        assertEquals(email, again.json().getJsonObject("user").getString("email"));
        Mail notice = smtp.awaitMail(email, 2);
        assertTrue(notice.text().contains("already has one"), notice.text());
        // and the account keeps its password
        assertEquals(403, api.login(email, Accounts.PASSWORD).status());
        assertEquals(401, api.login(email, "another password entirely").status());
    }
}
