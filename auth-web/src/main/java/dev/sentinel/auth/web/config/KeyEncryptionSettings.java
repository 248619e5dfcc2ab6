package dev.sentinel.auth.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's key-encryption key (AUTH_KEY_ENCRYPTION_KEY): base64 of 32 random bytes, or unset. */
@ApplicationScoped
public class KeyEncryptionSettings {
    static final int KEY_BYTES = 32;

    @Inject
    @ConfigProperty(name = "auth.key-encryption-key")
    Optional<String> key;

    public KeyEncryptionSettings() {}

    KeyEncryptionSettings(Optional<String> key) {
        this.key = key;
    }

    /** Stops the application at start rather than sealing under a key the operator did not mean. */
    public void validate() {
        configuredKey();
    }

    public boolean configured() {
        return configuredKey().isPresent();
    }

    public Optional<byte[]> configuredKey() {
        Optional<String> text = key.map(String::strip).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.get());
        } catch (IllegalArgumentException e) {
            throw invalid("it is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw invalid("it holds " + bytes.length + " bytes");
        }
        return Optional.of(bytes);
    }

    private static IllegalStateException invalid(String why) {
        return new IllegalStateException("AUTH_KEY_ENCRYPTION_KEY (auth.key-encryption-key) must be the base64 of "
                + KEY_BYTES + " random bytes (e.g. openssl rand -base64 32), but " + why);
    }
}
