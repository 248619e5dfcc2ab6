package dev.sentinel.auth.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a rotated token's successor so that a replay within the reuse window can get the same one back,
 * without storing it in clear: it is encrypted (AES-256-GCM) under a key derived from the presented
 * token, which the store never holds (it only holds the token's SHA-256).
 */
public final class SuccessorSeal {
    private static final byte[] LABEL = "refresh-token-successor".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SuccessorSeal() {}

    public static String seal(String presentedToken, OpaqueToken successor, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(
                Cipher.ENCRYPT_MODE, presentedToken, nonce, successor.value().getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                        .put(nonce)
                        .put(sealed)
                        .array());
    }

    public static OpaqueToken open(String presentedToken, String sealedSuccessor) {
        byte[] all = Base64.getDecoder().decode(sealedSuccessor);
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new OpaqueToken(
                new String(cipher(Cipher.DECRYPT_MODE, presentedToken, nonce, sealed), StandardCharsets.US_ASCII));
    }

    private static byte[] cipher(int mode, String presentedToken, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(keyFor(presentedToken), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed successor cannot be processed", e);
        }
    }

    /** HMAC-SHA256 keyed by the token: independent of the stored SHA-256 of the token. */
    private static byte[] keyFor(String presentedToken) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(presentedToken.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        return mac.doFinal(LABEL);
    }
}
