package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.client.NewClient;
import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.error.ClientNotFoundException;
import dev.sentinel.auth.error.InvalidClientException;
import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.user.Role;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceClientsTest {
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.9", "test");
    private static final Caller ADMIN = new Caller(UUID.randomUUID(), UUID.randomUUID(), "admin@example.com");

    private final FakeServiceClients clients = new FakeServiceClients();
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final ServiceClientAdmin admin =
            new ServiceClientAdmin(clients, transactions, events, clock, new SecureRandom());
    private final ClientAuthentication authentication = new ClientAuthentication(clients, events, clock);

    @Test
    void aNewClientKeepsOnlyTheHashOfItsSecret() {
        NewClient created = admin.create(" billing ", List.of("admin"), ADMIN, CLIENT);

        ServiceClient stored = clients.find(created.client().id()).orElseThrow();
        assertEquals("billing", stored.name());
        assertEquals(Set.of(Role.ADMIN), stored.groups());
        assertNotEquals(created.secret().value(), stored.secretHash());
        assertEquals(created.secret().hash(), stored.secretHash());
        assertTrue(stored.id().startsWith("svc_"));
        assertEquals(1, events.ofType(AuthEventType.CLIENT_CREATED).size());
        assertEquals(
                ADMIN.userId(),
                events.ofType(AuthEventType.CLIENT_CREATED).get(0).userId());
    }

    @Test
    void onlyKnownGroupsAndANameAreAccepted() {
        assertThrows(InvalidInputException.class, () -> admin.create("x", List.of("root"), ADMIN, CLIENT));
        assertThrows(InvalidInputException.class, () -> admin.create("  ", List.of(), ADMIN, CLIENT));
        assertThrows(InvalidInputException.class, () -> admin.create("x".repeat(101), null, ADMIN, CLIENT));
        assertTrue(clients.byId.isEmpty());
    }

    @Test
    void theRightSecretAuthenticatesAndAnythingElseIsInvalidClient() {
        NewClient created = admin.create("job", List.of(), ADMIN, CLIENT);
        String id = created.client().id();

        assertEquals(
                id, authentication.grant(id, created.secret().value(), CLIENT).id());
        assertThrows(InvalidClientException.class, () -> authentication.grant(id, "wrong", CLIENT));
        assertThrows(InvalidClientException.class, () -> authentication.grant(id, null, CLIENT));
        assertThrows(
                InvalidClientException.class,
                () -> authentication.grant("svc_unknown", created.secret().value(), CLIENT));
        assertEquals(
                3,
                events.ofType(AuthEventType.LOGIN).stream()
                        .filter(event -> event.outcome() == Outcome.FAILURE)
                        .count());
    }

    @Test
    void aDeletedClientNoLongerExistsAndDeletingItAgainIsNotFound() {
        NewClient created = admin.create("job", List.of("user"), ADMIN, CLIENT);
        String id = created.client().id();

        admin.delete(id, Caller.client("svc_operator"), CLIENT);

        assertFalse(authentication.exists(id));
        assertThrows(
                InvalidClientException.class,
                () -> authentication.grant(id, created.secret().value(), CLIENT));
        assertThrows(ClientNotFoundException.class, () -> admin.delete(id, ADMIN, CLIENT));
        String reason = events.ofType(AuthEventType.CLIENT_DELETED).get(0).reason();
        assertEquals("client:" + id + " by:svc_operator", reason);
    }
}
