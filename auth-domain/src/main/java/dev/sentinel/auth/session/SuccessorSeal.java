package dev.sentinel.auth.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a rotated token's successor so that a replay within the reuse window can get the same one back,
 * without storing it in clear: it is encrypted (AES-256-GCM) under a key derived from the presented token
 * and a server secret. The store holds neither: only the token's SHA-256, and the secret lives apart from the
 * refresh tokens, so a copy of the database plus an old rotated token does not give the chain's live token.
 * Seals are erased once the reuse window is over ({@link SessionRepository#eraseSealedSuccessors}).
 */
public final class SuccessorSeal {
    private static final byte[] LABEL = "refresh-token-successor".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Supplier<List<byte[]>> serverSecrets;

    /**
     * {@code serverSecrets}: each at least 256 bits the database does not hold next to the tokens. They may change
     * over time (they follow the signing keys): the first seals, any opens, so that a seal made just before a
     * change still opens just after it.
     */
    public SuccessorSeal(Supplier<List<byte[]>> serverSecrets) {
        this.serverSecrets = serverSecrets;
    }

    public String seal(String presentedToken, OpaqueToken successor, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, serverSecrets.get().get(0), presentedToken, nonce)
                    .doFinal(successor.value().getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the successor cannot be sealed", e);
        }
    }

    /** Empty when the seal is gone or was made with another token or server secret (or altered). */
    public Optional<OpaqueToken> open(String presentedToken, String sealedSuccessor) {
        if (sealedSuccessor == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealedSuccessor);
            if (all.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
            byte[] sealed = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
            for (byte[] secret : serverSecrets.get()) {
                Optional<OpaqueToken> opened = open(secret, presentedToken, nonce, sealed);
                if (opened.isPresent()) {
                    return opened;
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private Optional<OpaqueToken> open(byte[] secret, String presentedToken, byte[] nonce, byte[] sealed) {
        try {
            byte[] opened =
                    cipher(Cipher.DECRYPT_MODE, secret, presentedToken, nonce).doFinal(sealed);
            return Optional.of(new OpaqueToken(new String(opened, StandardCharsets.US_ASCII)));
        } catch (AEADBadTagException | IllegalArgumentException notOurs) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the successor cannot be unsealed", e);
        }
    }

    private static Cipher cipher(int mode, byte[] secret, String presentedToken, byte[] nonce)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                mode, new SecretKeySpec(keyFor(secret, presentedToken), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    /** HMAC-SHA256 keyed by the server secret over the token: neither alone derives the key. */
    private static byte[] keyFor(byte[] secret, String presentedToken) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update(LABEL);
        mac.update((byte) 0);
        return mac.doFinal(presentedToken.getBytes(StandardCharsets.US_ASCII));
    }
}
