package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.MailServer;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As a user I want my reset mail even when the mail server was down when I asked, or the service restarted
 * meanwhile; and a link that has expired no longer works.
 */
class MailOutageIT {
    private static final int RESET_TTL_SECONDS = 3;

    private static MailServer smtp;
    private static AuthServer server;
    private static String database;

    @BeforeAll
    static void startWithTheMailServerDown() {
        smtp = MailServer.onFreePort();
        database = TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null;
        Map<String, String> env = TestEnvironment.database(database);
        env.putAll(smtp.environment());
        env.put("AUTH_PASSWORD_RESET_TTL", "PT" + RESET_TTL_SECONDS + "S");
        env.put(
                "WLP_OUTPUT_DIR",
                TestEnvironment.workDir()
                        .resolve("mail-outage")
                        .resolve("output")
                        .toString());
        server = AuthServer.start("mail-outage", TestEnvironment.withTestSettings(env));
    }

    @AfterAll
    static void stop() {
        server.close();
        smtp.close();
    }

    @Test
    void aMailRequestedWhileSmtpIsDownArrivesOnceItIsBack() {
        // given the SMTP server is down
        smtp.stop();
        Api api = Api.of(server);
        Session user = Accounts.signUp(api);

        // when a reset is asked for, and the server comes back
        assertEquals(
                202,
                api.post("/api/auth/password-reset", Api.json("email", user.email()))
                        .status());
        smtp.start();

        // then the mail arrives, and its link works
        String token = smtp.awaitMail(user.email(), 1).token();
        assertEquals(
                204,
                api.post(
                                "/api/auth/password-reset/confirm",
                                Api.json("token", token, "new_password", "passphrase after the outage"))
                        .status());
    }

    @Test
    void aQueuedMailSurvivesARestartOfTheService() {
        // given a reset asked for while the SMTP server is down
        smtp.stop();
        Api api = Api.of(server);
        Session user = Accounts.signUp(api);
        assertEquals(
                202,
                api.post("/api/auth/password-reset", Api.json("email", user.email()))
                        .status());

        // when the service restarts, and then the SMTP server comes back
        server = server.restart();
        smtp.start();

        // then the mail arrives
        smtp.awaitMail(user.email(), 1);
    }

    @Test
    void anExpiredLinkIsRefused() {
        // given a mailed link
        smtp.start();
        Api api = Api.of(server);
        Session user = Accounts.signUp(api);
        assertEquals(
                202,
                api.post("/api/auth/password-reset", Api.json("email", user.email()))
                        .status());
        String token = smtp.awaitMail(user.email(), 1).token();

        // when its lifetime has passed
        Pause.millis((RESET_TTL_SECONDS + 1) * 1000L);

        // then it is refused, and the password stays
        assertEquals(
                400,
                api.post(
                                "/api/auth/password-reset/confirm",
                                Api.json("token", token, "new_password", "too late a passphrase"))
                        .status());
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());
    }
}
