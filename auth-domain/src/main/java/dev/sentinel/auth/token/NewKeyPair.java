package dev.sentinel.auth.token;

/** A freshly generated key pair, as {@link SigningKey} stores it, before it has a place in the schedule. */
public record NewKeyPair(String kid, String algorithm, String privateKey, String publicKeyX509) {
    @Override
    public String toString() {
        return "NewKeyPair[kid=" + kid + ", algorithm=" + algorithm + "]";
    }
}
