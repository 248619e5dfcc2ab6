package dev.sentinel.auth.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyEncryptionSettingsTest {
    @Test
    void anUnsetOrBlankKeyMeansNone() {
        assertFalse(new KeyEncryptionSettings(Optional.empty()).configured());
        assertFalse(new KeyEncryptionSettings(Optional.of("  ")).configured());
    }

    @Test
    void takesTheBase64OfThirtyTwoBytes() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        KeyEncryptionSettings settings = new KeyEncryptionSettings(Optional.of(" " + key + "\n"));

        assertTrue(settings.configured());
        assertEquals(32, settings.configuredKey().orElseThrow().length);
    }

    @Test
    void stopsTheStartOnAKeyOfAnotherSizeOrNotBase64() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        IllegalStateException tooShort = assertThrows(
                IllegalStateException.class, () -> new KeyEncryptionSettings(Optional.of(shortKey)).validate());
        assertTrue(tooShort.getMessage().contains("16 bytes"), tooShort.getMessage());
        assertThrows(
                IllegalStateException.class, () -> new KeyEncryptionSettings(Optional.of("not*base64")).validate());
    }
}
