package dev.sentinel.auth.token;

import java.time.Instant;

/**
 * A key pair that signs access tokens, as stored. {@code privateKey} is the base64 PKCS#8 encoding, sealed at
 * rest when a key-encryption key is configured; {@code publicKeyX509} the base64 X.509 encoding. {@code kid}
 * names it in token headers and in the JWKS. A key is published from {@code publishesAt} and signs from
 * {@code signsFrom}, once relying parties have had time to fetch it; {@code generation} orders keys, and being
 * unique it lets exactly one of several instances rotating at once add the next key.
 */
public record SigningKey(
        String kid,
        int generation,
        String algorithm,
        String privateKey,
        String publicKeyX509,
        Instant publishesAt,
        Instant signsFrom) {

    public SigningKey withPrivateKey(String replacement) {
        return new SigningKey(kid, generation, algorithm, replacement, publicKeyX509, publishesAt, signsFrom);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", generation=" + generation + ", algorithm=" + algorithm + "]";
    }
}
