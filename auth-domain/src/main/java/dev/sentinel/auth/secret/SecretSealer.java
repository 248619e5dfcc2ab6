package dev.sentinel.auth.secret;

/**
 * Encrypts secrets that must be stored but also read back (TOTP secrets, private keys), so that a copy of
 * their table alone does not give them away.
 */
public interface SecretSealer {
    /** Authenticated encryption of a secret, bound to its context (e.g. "totp:" + user id). */
    String seal(byte[] secret, String context);

    /**
     * The secret again.
     *
     * @throws SealedSecretException when the value was altered, sealed for another context or under another key
     */
    byte[] open(String sealed, String context);

    /** Whether a stored value is sealed (values written before sealing existed are not). */
    boolean isSealed(String stored);
}
