package dev.sentinel.auth.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sentinel.auth.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void isTrimmedAndLowerCased() {
        // given
        String typed = "  Alice.Smith@Example.COM \t";

        // when
        Email email = new Email(typed);

        // then
        assertEquals("alice.smith@example.com", email.value());
    }

    @Test
    void differentCaseMeansTheSameAddress() {
        assertEquals(new Email("BOB@example.org"), new Email("bob@EXAMPLE.org"));
    }

    @Test
    void acceptsExactly254Characters() {
        // given
        String address = addressOfLength(254);

        // when
        Email email = new Email(address);

        // then
        assertEquals(254, email.value().length());
    }

    @Test
    void rejects255CharactersNamingTheEmailField() {
        // given
        String address = addressOfLength(255);

        // when
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Email(address));

        // then
        assertEquals("email", e.errors().get(0).field());
    }

    @Test
    void surroundingBlanksDoNotCountTowardsTheLimit() {
        assertEquals(
                254, new Email("   " + addressOfLength(254) + "   ").value().length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plainaddress",
                "@example.com",
                "alice@",
                "alice@@example.com",
                "a b@example.com",
                "alice@exa mple.com",
                "alice@example..com",
                "alice@.example.com",
                "alice@example.com.",
                "alice@ex@ample.com"
            })
    void rejectsMalformedAddresses(String malformed) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Email(malformed));

        assertEquals("email", e.errors().get(0).field());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void rejectsNullAndBlank(String blank) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Email(blank));

        assertEquals("email", e.errors().get(0).field());
    }

    private static String addressOfLength(int length) {
        String domain = "@example.com";
        return "a".repeat(length - domain.length()) + domain;
    }
}
