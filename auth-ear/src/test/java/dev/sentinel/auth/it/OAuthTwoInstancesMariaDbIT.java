package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.OAuthForms;
import dev.sentinel.auth.it.support.TestEnvironment;
import dev.sentinel.auth.it.support.TwoInstances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As the operator of a resource server behind a load balancer I want introspection on any instance to know of a
 * revocation made on any other at once, so that a logged-out token is never reported active.
 */
class OAuthTwoInstancesMariaDbIT {
    private static AuthServer first;
    private static AuthServer second;
    private static OAuthForms.ServiceClient resourceServer;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        TwoInstances both = TwoInstances.onFreshMariaDb("oauth");
        first = both.first();
        second = both.second();
        resourceServer = OAuthForms.createClient(
                Api.of(first), AuditTrailClient.asAdmin(first).adminToken(), "resource server");
    }

    @AfterAll
    static void stop() {
        TestEnvironment.stopAll(first, second);
    }

    @Test
    void aLogoutOnOneInstanceIsInactiveAtOnceInIntrospectionOnTheOther() {
        Api onFirst = Api.of(first);
        OAuthForms onSecond = new OAuthForms(onFirst.on(second));
        Accounts.Session user = Accounts.signUp(onFirst);
        assertTrue(
                onSecond.introspect(user.accessToken(), resourceServer).json().getBoolean("active"));

        assertEquals(
                204, onFirst.post("/api/auth/logout", "{}", user.accessToken()).status());

        // no waiting: introspection reads the session from the shared database
        assertEquals(
                "{\"active\":false}",
                onSecond.introspect(user.accessToken(), resourceServer).body());
        assertEquals(
                "{\"active\":false}",
                onSecond.introspect(user.refreshToken(), resourceServer).body());
    }

    @Test
    void aRevocationOnOneInstanceIsInactiveAtOnceOnTheOther() {
        Api onFirst = Api.of(first);
        OAuthForms oauthOnFirst = new OAuthForms(onFirst);
        OAuthForms onSecond = new OAuthForms(onFirst.on(second));
        Accounts.Session user = Accounts.signUp(onFirst);

        assertEquals(200, oauthOnFirst.revoke(user.refreshToken()).status());

        assertEquals(
                "{\"active\":false}",
                onSecond.introspect(user.accessToken(), resourceServer).body());
    }

    @Test
    void aClientDeletedOnOneInstanceIsRefusedOnTheOther() {
        Api onFirst = Api.of(first);
        String adminToken = AuditTrailClient.asAdmin(first).adminToken();
        OAuthForms.ServiceClient doomed = OAuthForms.createClient(onFirst, adminToken, "doomed", "admin");
        String token = new OAuthForms(onFirst).clientCredentials(doomed).json().getString("access_token");
        assertEquals(200, onFirst.on(second).get("/api/admin/clients", token).status());

        assertEquals(
                204,
                onFirst.delete("/api/admin/clients/" + doomed.id(), adminToken).status());

        OAuthForms onSecond = new OAuthForms(onFirst.on(second));
        assertEquals(
                "{\"active\":false}", onSecond.introspect(token, resourceServer).body());
        dev.sentinel.auth.it.support.Revocation.assertRefusedWithinOneSecond(onFirst.on(second), token);
    }
}
