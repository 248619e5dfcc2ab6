package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.LastAdminException;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountDeletionServiceTest {
    private static final String PASSWORD = "correct horse battery";
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.3", "junit");

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T10:00:00Z"));
    private final FakeUserRepository users = new FakeUserRepository();
    private final FakeTransactions transactions = new FakeTransactions();
    private final List<UUID> removed = new ArrayList<>();
    private final AccountDeletionService deletion = new AccountDeletionService(
            users,
            removed::add,
            new FakeSessionRepository(),
            new FakeRevokedSessions(),
            new FakePasswordHasher(),
            transactions,
            new FakeAuthEventLog(transactions),
            clock);

    @Test
    void theLastActiveAdministratorCannotDeleteTheirOwnAccount() {
        User admin = account("admin@example.com", Role.USER, Role.ADMIN);

        assertThrows(LastAdminException.class, () -> deletion.delete(caller(admin), PASSWORD, CLIENT));

        assertTrue(removed.isEmpty());
    }

    @Test
    void anAdministratorCanWhileAnotherRemains() {
        User admin = account("admin@example.com", Role.USER, Role.ADMIN);
        account("other@example.com", Role.USER, Role.ADMIN);

        deletion.delete(caller(admin), PASSWORD, CLIENT);

        assertEquals(List.of(admin.id()), removed);
    }

    private User account(String email, Role... roles) {
        User user = User.register(new Email(email), null, FakePasswordHasher.PREFIX + PASSWORD, clock.instant())
                .withRoles(EnumSet.copyOf(List.of(roles)));
        users.put(user);
        return user;
    }

    private static Caller caller(User user) {
        return new Caller(user.id(), UUID.randomUUID(), user.email().value());
    }
}
