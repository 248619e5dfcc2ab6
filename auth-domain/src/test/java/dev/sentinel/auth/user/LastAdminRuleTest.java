package dev.sentinel.auth.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sentinel.auth.error.LastAdminException;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class LastAdminRuleTest {
    private static final User ADMIN = User.register(new Email("admin@example.com"), null, "hash", Instant.EPOCH)
            .withRoles(EnumSet.of(Role.USER, Role.ADMIN));
    private static final User USER = User.register(new Email("user@example.com"), null, "hash", Instant.EPOCH);

    @Test
    void theLastActiveAdminCannotBeDemotedDisabledOrDeleted() {
        assertThrows(
                LastAdminException.class,
                () -> LastAdminRule.check(ADMIN, ADMIN.withRoles(EnumSet.of(Role.USER)), () -> 1));
        assertThrows(LastAdminException.class, () -> LastAdminRule.check(ADMIN, ADMIN.withDisabled(true), () -> 1));
        assertThrows(LastAdminException.class, () -> LastAdminRule.check(ADMIN, null, () -> 1));
    }

    @Test
    void anAdminCanGoWhileAnotherActiveOneRemains() {
        assertDoesNotThrow(() -> LastAdminRule.check(ADMIN, ADMIN.withRoles(EnumSet.of(Role.USER)), () -> 2));
        assertDoesNotThrow(() -> LastAdminRule.check(ADMIN, ADMIN.withDisabled(true), () -> 2));
        assertDoesNotThrow(() -> LastAdminRule.check(ADMIN, null, () -> 2));
    }

    @Test
    void changesThatTakeNoActiveAdminAwayNeedNoCount() {
        User disabledAdmin = ADMIN.withDisabled(true);
        assertDoesNotThrow(() -> LastAdminRule.check(USER, USER.withDisabled(true), () -> {
            throw new AssertionError("counted");
        }));
        assertDoesNotThrow(() -> LastAdminRule.check(disabledAdmin, null, () -> {
            throw new AssertionError("counted");
        }));
        assertDoesNotThrow(() -> LastAdminRule.check(ADMIN, ADMIN.withRoles(EnumSet.allOf(Role.class)), () -> {
            throw new AssertionError("counted");
        }));
    }
}
