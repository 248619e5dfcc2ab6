package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sentinel.auth.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogoutScopeTest {

    @Test
    void noScopeMeansLocal() {
        assertEquals(LogoutScope.LOCAL, LogoutScope.parse(null));
    }

    @Test
    void scopesAreReadCaseInsensitively() {
        assertEquals(LogoutScope.LOCAL, LogoutScope.parse("local"));
        assertEquals(LogoutScope.GLOBAL, LogoutScope.parse("Global"));
        assertEquals(LogoutScope.OTHERS, LogoutScope.parse("OTHERS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"everything", "", "loc", "all"})
    void unknownScopeIsRejectedNamingTheScopeField(String unknown) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LogoutScope.parse(unknown));

        assertEquals("scope", e.errors().get(0).field());
    }
}
