package dev.sentinel.auth.web.outbound.crypto;

import dev.sentinel.auth.secret.KeyEncryptionKeys;
import dev.sentinel.auth.secret.SealedSecretException;
import dev.sentinel.auth.secret.SecretSealer;
import dev.sentinel.auth.web.config.KeyEncryptionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value and the context as additional data, so a sealed value
 * copied to another row (another user's factor) does not open. A value reads
 * {@code aesgcm1.<key id>.<nonce>.<ciphertext and tag>}; the key id (a digest prefix of the key) tells an
 * operator who changed AUTH_KEY_ENCRYPTION_KEY which key a value needs, instead of a bare "tag mismatch".
 */
@ApplicationScoped
public class AesGcmSecretSealer implements SecretSealer {
    private static final String PREFIX = "aesgcm1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecureRandom random = new SecureRandom();
    private volatile Key key;

    @Inject
    KeyEncryptionSettings settings;

    @Inject
    KeyEncryptionKeys generatedKeys;

    protected AesGcmSecretSealer() {}

    /** A sealer under a fixed key, for tests. */
    public AesGcmSecretSealer(byte[] key) {
        this.key = Key.of(key);
    }

    @Override
    public String seal(byte[] secret, String context) {
        Key current = key();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, current, nonce, context, secret);
        return PREFIX + current.id + "." + ENCODER.encodeToString(nonce) + "." + ENCODER.encodeToString(sealed);
    }

    @Override
    public byte[] open(String sealed, String context) {
        Key current = key();
        String[] parts = isSealed(sealed) ? sealed.substring(PREFIX.length()).split("\\.", -1) : new String[0];
        if (parts.length != 3) {
            throw new SealedSecretException("not a sealed value");
        }
        if (!parts[0].equals(current.id)) {
            throw new SealedSecretException("sealed under key " + parts[0] + ", but the key-encryption key in use is "
                    + current.id + " (was AUTH_KEY_ENCRYPTION_KEY changed?)");
        }
        try {
            return run(Cipher.DECRYPT_MODE, current, DECODER.decode(parts[1]), context, DECODER.decode(parts[2]));
        } catch (IllegalArgumentException | SealedSecretException e) {
            throw new SealedSecretException("a sealed value under key " + current.id
                    + " does not open: altered, or sealed for another context");
        }
    }

    @Override
    public boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] run(int mode, Key key, byte[] nonce, String context, byte[] input) {
        if (nonce.length != NONCE_BYTES) {
            throw new SealedSecretException("bad nonce");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.secret, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new SealedSecretException(e.getClass().getSimpleName());
        }
    }

    /** The operator's key, else the generated one (read, or created by the first instance, at first use). */
    private Key key() {
        Key known = key;
        if (known == null) {
            synchronized (this) {
                known = key;
                if (known == null) {
                    known = Key.of(settings.configuredKey().orElseGet(this::generatedKey));
                    key = known;
                }
            }
        }
        return known;
    }

    private byte[] generatedKey() {
        byte[] candidate = new byte[32];
        random.nextBytes(candidate);
        return generatedKeys.keepFirst(candidate);
    }

    private record Key(SecretKey secret, String id) {
        static Key of(byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                String id = ENCODER.encodeToString(Arrays.copyOf(digest, 6));
                return new Key(new SecretKeySpec(bytes, "AES"), id);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
