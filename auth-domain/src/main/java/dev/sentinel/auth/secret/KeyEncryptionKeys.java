package dev.sentinel.auth.secret;

/**
 * Where a generated key-encryption key is kept when the operator configured none: apart from the secrets it
 * seals, shared by every instance on the database.
 */
public interface KeyEncryptionKeys {
    /** Stores the candidate unless another instance stored a key first; returns the key that is kept. */
    byte[] keepFirst(byte[] candidate);
}
