package dev.sentinel.auth.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sentinel.auth.error.InvalidInputException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserRegistrationTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private static final Email EMAIL = new Email("alice@example.com");

    @Test
    void displayNameIsTrimmed() {
        User user = User.register(EMAIL, "  Alice  ", "hash", NOW);

        assertEquals("Alice", user.displayName());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankDisplayNameBecomesNone(String blank) {
        assertNull(User.register(EMAIL, blank, "hash", NOW).displayName());
    }

    @Test
    void displayNameOfOneHundredCharactersIsAllowed() {
        assertEquals(
                100,
                User.register(EMAIL, "n".repeat(100), "hash", NOW).displayName().length());
    }

    @Test
    void displayNameOverOneHundredCharactersIsRejected() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> User.register(EMAIL, "n".repeat(101), "hash", NOW));

        assertEquals("displayName", e.errors().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ali\u0000ce", "Ali\nce", "Ali\u001Bce", "Ali\u007Fce", "Ali\u0085ce"})
    void displayNameWithControlCharactersIsRejected(String withControl) {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> User.register(EMAIL, withControl, "hash", NOW));

        assertEquals("displayName", e.errors().get(0).field());
    }

    @Test
    void newUserHasOnlyTheUserRole() {
        User user = User.register(EMAIL, "Alice", "hash", NOW);

        assertEquals(Set.of(Role.USER), user.roles());
        assertFalse(user.isAdmin());
    }

    @Test
    void newUserKeepsEmailHashAndCreationTimeAndGetsAnId() {
        User user = User.register(EMAIL, null, "hash", NOW);

        assertNotNull(user.id());
        assertEquals(EMAIL, user.email());
        assertEquals("hash", user.passwordHash());
        assertEquals(NOW, user.createdAt());
    }

    @Test
    void twoRegistrationsGetDifferentIds() {
        assertNotEquals(
                User.register(EMAIL, null, "h", NOW).id(),
                User.register(EMAIL, null, "h", NOW).id());
    }
}
