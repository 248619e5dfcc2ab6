package dev.sentinel.auth.usecase;

import dev.sentinel.auth.secret.SealedSecretException;
import dev.sentinel.auth.secret.SecretSealer;
import java.util.Base64;

/** Reversible, not secret: it only checks that a value is opened for the context it was sealed for. */
final class FakeSecretSealer implements SecretSealer {
    private static final String PREFIX = "fake-sealed:";

    @Override
    public String seal(byte[] secret, String context) {
        return PREFIX + context + ":" + Base64.getEncoder().encodeToString(secret);
    }

    @Override
    public byte[] open(String sealed, String context) {
        String expected = PREFIX + context + ":";
        if (!sealed.startsWith(expected)) {
            throw new SealedSecretException("sealed for another context");
        }
        return Base64.getDecoder().decode(sealed.substring(expected.length()));
    }

    @Override
    public boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }
}
