package dev.sentinel.auth.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseTransportTest {
    @Test
    void readsTheThreeSettings() {
        assertEquals(DatabaseTransport.OFF, DatabaseTransport.of("off"));
        assertEquals(DatabaseTransport.TRUST, DatabaseTransport.of(" Trust "));
        assertEquals(DatabaseTransport.VERIFY_FULL, DatabaseTransport.of("verify-full"));
    }

    @Test
    void namesTheVariableOfAnUnknownSetting() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DatabaseTransport.of("yes"));

        assertTrue(refused.getMessage().contains("AUTH_DB_TLS"), refused.getMessage());
    }
}
