package dev.sentinel.auth.token;

import java.time.Instant;

/**
 * A key pair that signs access tokens, as stored: {@code privateKeyPkcs8} and {@code publicKeyX509} are the
 * standard DER encodings, base64. {@code kid} names it in token headers and in the JWKS.
 */
public record SigningKey(
        String kid, String algorithm, String privateKeyPkcs8, String publicKeyX509, Instant createdAt) {
    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", algorithm=" + algorithm + "]";
    }
}
