package dev.sentinel.auth.token;

/** Generates signing key pairs of the configured algorithm (an outbound crypto adapter). */
public interface KeyPairSource {
    NewKeyPair generate();
}
