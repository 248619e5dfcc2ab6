package dev.sentinel.auth.web.token;

import dev.sentinel.auth.secret.SecretSealer;
import dev.sentinel.auth.web.config.KeyEncryptionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Optional;

/**
 * How a private key is stored: sealed with the operator's key-encryption key when AUTH_KEY_ENCRYPTION_KEY is set
 * (bound to the key's kid, so a sealed key cannot be passed off as another), base64 PKCS#8 otherwise.
 */
@ApplicationScoped
public class PrivateKeySealing {
    @Inject
    SecretSealer sealer;

    @Inject
    KeyEncryptionSettings settings;

    String toStored(String kid, byte[] pkcs8) {
        return settings.configured()
                ? sealer.seal(pkcs8, context(kid))
                : Base64.getEncoder().encodeToString(pkcs8);
    }

    byte[] fromStored(String kid, String stored) {
        return sealer.isSealed(stored)
                ? sealer.open(stored, context(kid))
                : Base64.getDecoder().decode(stored);
    }

    /** A key stored before AUTH_KEY_ENCRYPTION_KEY was set, sealed now; empty when there is nothing to do. */
    Optional<String> sealedIfPlain(String kid, String stored) {
        if (!settings.configured() || sealer.isSealed(stored)) {
            return Optional.empty();
        }
        return Optional.of(sealer.seal(Base64.getDecoder().decode(stored), context(kid)));
    }

    private static String context(String kid) {
        return "signing-key:" + kid;
    }
}
