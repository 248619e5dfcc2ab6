package dev.sentinel.auth.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BearerClaimsTest {
    private static final String SESSION = "3b9f0c8e-1d2a-4c5b-8e7f-6a5b4c3d2e1f";

    @Test
    void aUsersTokenHasASessionAndNoClient() {
        BearerClaims user = new BearerClaims("5d1c2c2e-7a9f-4a44-9d8e-0d5c8a1b2c3d", "ann@example.com", SESSION, null);

        assertEquals(Optional.of(UUID.fromString(SESSION)), user.session());
        assertEquals(Optional.empty(), user.client());
    }

    @Test
    void aClientsTokenIsItsOwnSubjectWithoutASession() {
        assertEquals(Optional.of("reports"), new BearerClaims("reports", "reports", null, "reports").client());
        assertEquals(Optional.empty(), new BearerClaims("reports", "reports", null, "reports").session());
    }

    @Test
    void aClientIdBesideASessionOrAnotherSubjectNamesNoClient() {
        assertEquals(Optional.empty(), new BearerClaims("reports", "reports", SESSION, "reports").client());
        assertEquals(Optional.empty(), new BearerClaims("someone", "reports", null, "reports").client());
    }

    @Test
    void aSessionIdThatIsNoUuidIsNoSession() {
        assertEquals(Optional.empty(), new BearerClaims("x", "x", "not-a-uuid", null).session());
    }
}
