package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As an operator I relax a bucket with a large limit, or switch it off with capacity 0, and the service starts
 * and honours it (docs/api.md, "Rate limits and lockout").
 */
class RateLimitSettingsIT {
    private static AuthServer server;

    @BeforeAll
    static void startWithALargeLoginLimitAndNoSignupLimit() {
        Map<String, String> env = TestEnvironment.withTestSettings(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        env.put("AUTH_RATE_LIMIT_LOGIN_CAPACITY", "100000");
        env.put("AUTH_RATE_LIMIT_LOGIN_PERIOD", "PT1M");
        env.put("AUTH_RATE_LIMIT_SIGNUP_CAPACITY", "0");
        env.put("AUTH_RATE_LIMIT_SIGNUP_PERIOD", "PT1H");
        server = AuthServer.start("rate-limit-settings-" + System.getProperty("it.db", "h2"), env);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHundredThousandLoginsPerMinuteIsAcceptedAndReported() {
        Api api = Api.of(server).from("203.0.113.71");
        Accounts.Session user = Accounts.signUp(api);

        Reply login = api.login(user.email(), Accounts.PASSWORD);

        assertEquals(200, login.status(), login::toString);
        assertEquals("100000", login.header("RateLimit-Limit"));
        assertEquals("99999", login.header("RateLimit-Remaining"));
    }

    @Test
    void capacityZeroSwitchesTheSignupBucketOff() {
        Api api = Api.of(server).from("203.0.113.72");

        for (int i = 1; i <= 12; i++) {
            Reply signup = api.signup(Accounts.uniqueEmail(), Accounts.PASSWORD);
            assertEquals(201, signup.status(), () -> "signup " + signup);
            assertNull(signup.header("RateLimit-Limit"), () -> "a bucket that is off reports no limit: " + signup);
        }
    }
}
