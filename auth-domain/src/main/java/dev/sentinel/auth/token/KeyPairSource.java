package dev.sentinel.auth.token;

/** Generates signing key pairs of the configured algorithm (an outbound crypto adapter). */
public interface KeyPairSource {
    NewKeyPair generate();

    /** A key pair will be asked for soon: a source that is slow to make one may start on it now. */
    default void prepare() {}
}
