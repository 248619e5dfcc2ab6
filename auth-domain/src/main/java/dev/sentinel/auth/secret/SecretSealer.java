package dev.sentinel.auth.secret;

/** Encrypts secrets kept in the database (TOTP secrets, private keys) under a key the database does not hold. */
public interface SecretSealer {
    /** Authenticated encryption (AES-256-GCM) of a secret, bound to its context (AAD), e.g. "totp:" + userId. */
    String seal(byte[] secret, String context);

    /**
     * The secret again; throws SealedSecretException (unchecked, in the same package) when the value was altered,
     * sealed for another context or under another key.
     */
    byte[] open(String sealed, String context);

    /** Whether a stored value is sealed (values written before sealing existed are not). */
    boolean isSealed(String stored);
}
