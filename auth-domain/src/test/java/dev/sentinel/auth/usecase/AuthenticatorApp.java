package dev.sentinel.auth.usecase;

import java.nio.ByteBuffer;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What a user's app computes (RFC 6238, SHA-1, 6 digits, 30 s), written apart from the code under test. */
final class AuthenticatorApp {
    private final byte[] secret;

    AuthenticatorApp(byte[] secret) {
        this.secret = secret.clone();
    }

    String codeAt(Instant time) {
        return codeOfStep(time.getEpochSecond() / 30);
    }

    String codeOfStep(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0xf;
            int value = ByteBuffer.wrap(h, o, 4).getInt() & 0x7fffffff;
            return String.format("%06d", value % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
