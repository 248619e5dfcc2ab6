package dev.sentinel.auth.web.outbound.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.secret.SealedSecretException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmSecretSealerTest {
    private static final byte[] SECRET = "JBSWY3DPEHPK3PXP".getBytes(StandardCharsets.US_ASCII);

    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(key(1));

    @Test
    void opensWhatItSealedInTheSameContext() {
        String sealed = sealer.seal(SECRET, "totp:alice");

        assertTrue(sealer.isSealed(sealed));
        assertFalse(sealed.contains("JBSWY3DPEHPK3PXP"));
        assertArrayEquals(SECRET, sealer.open(sealed, "totp:alice"));
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        assertNotEquals(sealer.seal(SECRET, "totp:alice"), sealer.seal(SECRET, "totp:alice"));
    }

    @Test
    void refusesAValueMovedToAnotherContext() {
        String sealed = sealer.seal(SECRET, "totp:alice");

        assertThrows(SealedSecretException.class, () -> sealer.open(sealed, "totp:mallory"));
    }

    @Test
    void refusesAnAlteredValue() {
        String sealed = sealer.seal(SECRET, "totp:alice");
        // Flip a bit of the decoded ciphertext: changing the last base64 character alone may only touch the
        // unused low bits of the final group and decode to the same bytes.
        int dot = sealed.lastIndexOf('.');
        byte[] ciphertext = Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
        ciphertext[0] ^= 1;
        String altered = sealed.substring(0, dot + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);

        assertThrows(SealedSecretException.class, () -> sealer.open(altered, "totp:alice"));
        assertThrows(SealedSecretException.class, () -> sealer.open("aesgcm1.x.y", "totp:alice"));
        assertThrows(SealedSecretException.class, () -> sealer.open("plain", "totp:alice"));
    }

    @Test
    void namesTheKeyAValueNeedsWhenTheKeyChanged() {
        String sealed = sealer.seal(SECRET, "totp:alice");

        SealedSecretException refused = assertThrows(
                SealedSecretException.class, () -> new AesGcmSecretSealer(key(2)).open(sealed, "totp:alice"));
        assertTrue(refused.getMessage().contains("AUTH_KEY_ENCRYPTION_KEY"), refused.getMessage());
    }

    @Test
    void tellsPlainValuesFromSealedOnes() {
        assertFalse(sealer.isSealed("-----BEGIN PRIVATE KEY-----"));
        assertFalse(sealer.isSealed(null));
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
