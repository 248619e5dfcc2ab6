package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.LastAdminException;
import dev.sentinel.auth.error.UserNotFoundException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.ratelimit.LockoutPolicy;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserAdministrationTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.9", "junit");

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeUserRepository users = new FakeUserRepository();
    private final FakeSessionRepository sessions = new FakeSessionRepository();
    private final FakeRevokedSessions revoked = new FakeRevokedSessions();
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final FakeLoginFailureStore failures = new FakeLoginFailureStore();
    private final AccountLockout lockout = new AccountLockout(failures, LockoutPolicy.DEFAULT, events, clock);
    private final List<UUID> removed = new ArrayList<>();
    private final UserAdministration administration =
            new UserAdministration(users, sessions, removed::add, lockout, revoked, transactions, events, clock);

    private final User admin = account("admin@example.com", Role.USER, Role.ADMIN);
    private final Caller caller =
            new Caller(admin.id(), UUID.randomUUID(), admin.email().value());

    @Test
    void disablingEndsEverySessionAndRecordsTheAdministrator() {
        User bob = account("bob@example.com", Role.USER);
        SessionGrant session = open(bob);

        administration.disable(caller, bob.id(), CLIENT);

        assertTrue(users.findById(bob.id()).orElseThrow().disabled());
        assertEquals(List.of(session.session().id()), revoked.told);
        AuthEvent event = events.ofType(AuthEventType.USER_DISABLED).get(0);
        assertEquals(Outcome.SUCCESS, event.outcome());
        assertEquals(bob.id(), event.userId());
        assertEquals(admin.id(), event.actorId());
        assertEquals(1, users.administratorLocks);
    }

    @Test
    void theLastActiveAdministratorCannotBeDisabledDemotedOrDeleted() {
        assertThrows(LastAdminException.class, () -> administration.disable(caller, admin.id(), CLIENT));
        assertThrows(
                LastAdminException.class,
                () -> administration.changeRoles(caller, admin.id(), Set.of(Role.USER), CLIENT));
        assertThrows(LastAdminException.class, () -> administration.delete(caller, admin.id(), CLIENT));

        assertTrue(users.findById(admin.id()).orElseThrow().isActiveAdmin());
        assertTrue(removed.isEmpty());
        AuthEvent refusal = events.ofType(AuthEventType.USER_DISABLED).get(0);
        assertEquals(Outcome.FAILURE, refusal.outcome());
        assertEquals("last_admin", refusal.reason());
        assertEquals(admin.id(), refusal.actorId());
    }

    @Test
    void aDisabledAdministratorDoesNotCountAsTheOneThatRemains() {
        User other = account("other@example.com", Role.USER, Role.ADMIN);
        administration.disable(caller, other.id(), CLIENT);

        assertThrows(
                LastAdminException.class,
                () -> administration.changeRoles(caller, admin.id(), Set.of(Role.USER), CLIENT));
    }

    @Test
    void takingARoleAwayEndsTheSessionsAndGivingOneKeepsThem() {
        User bob = account("bob@example.com", Role.USER);
        SessionGrant session = open(bob);

        User promoted = administration.changeRoles(caller, bob.id(), Set.of(Role.ADMIN), CLIENT);
        assertEquals(EnumSet.of(Role.USER, Role.ADMIN), promoted.roles());
        assertTrue(revoked.told.isEmpty());

        User demoted = administration.changeRoles(caller, bob.id(), Set.of(), CLIENT);
        assertEquals(Set.of(Role.USER), demoted.roles());
        assertEquals(List.of(session.session().id()), revoked.told);
        assertEquals(
                List.of("admin,user", "user"),
                events.ofType(AuthEventType.USER_ROLES_CHANGED).stream()
                        .map(AuthEvent::reason)
                        .toList());
    }

    @Test
    void deletionRemovesTheAccountAndItsEventHasNoAddress() {
        User bob = account("bob@example.com", Role.USER);
        SessionGrant session = open(bob);

        administration.delete(caller, bob.id(), CLIENT);

        assertEquals(List.of(bob.id()), removed);
        assertEquals(List.of(session.session().id()), revoked.told);
        AuthEvent event = events.ofType(AuthEventType.USER_DELETED).get(0);
        assertNull(event.email());
        assertEquals(bob.id(), event.userId());
        assertEquals(admin.id(), event.actorId());
    }

    @Test
    void unlockingClearsTheAddressForEveryClient() {
        User bob = account("bob@example.com", Role.USER);
        for (int i = 0; i < LockoutPolicy.DEFAULT.threshold(); i++) {
            lockout.failed(lockout.begin(bob.email(), CLIENT));
        }

        administration.unlock(caller, bob.id(), CLIENT);

        lockout.succeeded(lockout.begin(bob.email(), CLIENT)); // would throw while locked
        assertEquals(1, events.ofType(AuthEventType.USER_UNLOCKED).size());
    }

    @Test
    void anUnknownUserIsNotFoundAndRecordedAsARefusal() {
        UUID nobody = UUID.randomUUID();

        assertThrows(UserNotFoundException.class, () -> administration.enable(caller, nobody, CLIENT));

        AuthEvent refusal = events.ofType(AuthEventType.USER_ENABLED).get(0);
        assertEquals(Outcome.FAILURE, refusal.outcome());
        assertEquals(nobody, refusal.userId());
        assertFalse(transactions.active());
    }

    private User account(String email, Role... roles) {
        User user = User.register(new Email(email), null, "hash", clock.instant())
                .withRoles(EnumSet.copyOf(List.of(roles)));
        users.put(user);
        return user;
    }

    private SessionGrant open(User user) {
        return transactions.inTransaction(() ->
                new SessionStarter(sessions, SessionPolicy.DEFAULT, clock, new SecureRandom()).start(user, CLIENT));
    }
}
