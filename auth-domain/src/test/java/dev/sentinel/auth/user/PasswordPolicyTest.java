package dev.sentinel.auth.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertDoesNotThrow(() -> policy.check("password", "qz7!vk2p"));
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

    @Test
    void theListHoldsTenThousandPasswordsOf9913WithoutCase() {
        assertEquals(9_913, CommonPasswords.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "password", "qwertyuiop", "iloveyou", "PASSWORD", "Password1", "Password1!"})
    void commonPasswordsAreRejectedNamingTheFieldAndWhy(String common) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> policy.check("password", common));

        assertEquals("password", e.errors().get(0).field());
        assertTrue(
                e.errors().get(0).message().contains("common"),
                e.errors().get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "Tr0ub4dor&3x", "ok 93847593745"})
    void uncommonPasswordsAreAccepted(String uncommon) {
        assertDoesNotThrow(() -> policy.check("password", uncommon));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice.smith@example.com", "ALICE.SMITH@EXAMPLE.COM", "alice.smith", "Alice.Smith"})
    void theEmailOrItsLocalPartIsRejectedInAnyCase(String password) {
        Email email = new Email("Alice.Smith@Example.com");

        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> policy.check("newPassword", password, email));

        assertEquals("newPassword", e.errors().get(0).field());
        assertTrue(
                e.errors().get(0).message().contains("email"), e.errors().get(0).message());
    }

    @Test
    void aPasswordThatOnlyContainsTheLocalPartIsAccepted() {
        assertDoesNotThrow(
                () -> policy.check("password", "alice.smith rides home", new Email("alice.smith@example.com")));
    }
}
