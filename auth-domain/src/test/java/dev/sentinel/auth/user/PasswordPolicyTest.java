package dev.sentinel.auth.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sentinel.auth.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class PasswordPolicyTest {
    private final PasswordPolicy policy = PasswordPolicy.DEFAULT;

    @Test
    void sevenCharactersAreTooShort() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> policy.check("password", "x".repeat(7)));

        assertEquals("password", e.errors().get(0).field());
    }

    @Test
    void eightCharactersAreEnough() {
        assertDoesNotThrow(() -> policy.check("password", "x".repeat(8)));
    }

    @Test
    void oneHundredTwentyEightCharactersAreAllowed() {
        assertDoesNotThrow(() -> policy.check("password", "x".repeat(128)));
    }

    @Test
    void oneHundredTwentyNineCharactersAreTooLong() {
        assertThrows(InvalidInputException.class, () -> policy.check("password", "x".repeat(129)));
    }

    @Test
    void lengthIsCountedInCodePointsNotUtf16Units() {
        // given: 8 emoji, each a surrogate pair, so 16 chars but 8 code points
        String eightEmoji = "\uD83D\uDE00".repeat(8);

        // when / then
        assertDoesNotThrow(() -> policy.check("password", eightEmoji));
    }

    @Test
    void sevenCodePointsAreTooShortEvenWhenTheyTakeFourteenChars() {
        String sevenEmoji = "\uD83D\uDE00".repeat(7);

        assertThrows(InvalidInputException.class, () -> policy.check("password", sevenEmoji));
    }

    @Test
    void oneHundredTwentyEightCodePointsAreAllowedAlthoughTheyTake256Chars() {
        assertDoesNotThrow(() -> policy.check("password", "\uD83D\uDE00".repeat(128)));
    }

    @Test
    void surroundingSpacesCountAndAreNotTrimmed() {
        // given: 6 visible characters and 2 spaces
        String padded = " secret ";

        // when / then
        assertDoesNotThrow(() -> policy.check("password", padded));
    }

    @Test
    void onlySpacesOfTheRightLengthAreAPassword() {
        assertDoesNotThrow(() -> policy.check("password", " ".repeat(8)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingPasswordIsRejectedNamingTheGivenField(String missing) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> policy.check("newPassword", missing));

        assertEquals("newPassword", e.errors().get(0).field());
    }
}
