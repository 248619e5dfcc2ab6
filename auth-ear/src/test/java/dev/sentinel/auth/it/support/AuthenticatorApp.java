package dev.sentinel.auth.it.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a user's authenticator app computes: RFC 6238 TOTP (HMAC-SHA-1, 30 s steps), written here apart from the
 * server's code so that the tests check the server against the standard, not against itself.
 */
public final class AuthenticatorApp {
    public static final long STEP_SECONDS = 30;

    private final byte[] secret;

    public AuthenticatorApp(byte[] secret) {
        this.secret = secret.clone();
    }

    /** The app of a secret as the server shows it (base32, RFC 4648). */
    public static AuthenticatorApp ofBase32(String base32) {
        return new AuthenticatorApp(base32Decode(base32));
    }

    public static long currentStep() {
        return Instant.now().getEpochSecond() / STEP_SECONDS;
    }

    /** The 6-digit code of the time step {@code step} (0 is the Unix epoch). */
    public String code(long step) {
        return code(step, 6);
    }

    public String currentCode() {
        return code(currentStep());
    }

    /** RFC 4226 §5.3: HMAC of the counter, dynamic truncation, modulo 10^digits. */
    public String code(long step, int digits) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(secret, "RAW"));
            byte[] hash =
                    hmac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            long truncated = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffffL;
            long modulo = (long) Math.pow(10, digits);
            return String.format("%0" + digits + "d", truncated % modulo);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Waits, if needed, until the current step has at least {@code needed} left, so that a test's codes of "this
     * step" and "the steps around it" stay what they were meant to be while its requests run. A time rule: slept for.
     */
    public static void awaitStepWithTimeLeft(Duration needed) {
        long intoStep = Instant.now().toEpochMilli() % (STEP_SECONDS * 1000);
        long left = STEP_SECONDS * 1000 - intoStep;
        if (left < needed.toMillis()) {
            Pause.millis(left + 50);
        }
    }

    public static byte[] base32Decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.replace("=", "").toUpperCase().toCharArray()) {
            int value = alphabet.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
