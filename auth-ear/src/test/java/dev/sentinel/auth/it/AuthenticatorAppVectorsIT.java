package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinel.auth.it.support.AuthenticatorApp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The tests' own TOTP against RFC 6238 appendix B (SHA-1, 8 digits) before it judges the server. No server needed:
 * an IT only because the ear module runs its tests with failsafe.
 */
class AuthenticatorAppVectorsIT {
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238Sha1TestVectors() {
        AuthenticatorApp app = new AuthenticatorApp(SEED);
        long[][] vectors = {
            {59L, 94287082L},
            {1111111109L, 7081804L},
            {1111111111L, 14050471L},
            {1234567890L, 89005924L},
            {2000000000L, 69279037L},
            {20000000000L, 65353130L}
        };
        for (long[] vector : vectors) {
            assertEquals(
                    String.format("%08d", vector[1]),
                    app.code(vector[0] / AuthenticatorApp.STEP_SECONDS, 8),
                    "T = " + vector[0]);
        }
        assertEquals("287082", app.code(59 / AuthenticatorApp.STEP_SECONDS));
    }

    @Test
    void decodesBase32AsRfc4648() {
        assertArrayEquals(SEED, AuthenticatorApp.base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        assertArrayEquals(
                "foobar".getBytes(StandardCharsets.US_ASCII), AuthenticatorApp.base32Decode("MZXW6YTBOI======"));
    }
}
