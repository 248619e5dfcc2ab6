package dev.sentinel.auth.user;

/** Slow, salted password hashing; the encoded hash carries its own parameters. */
public interface PasswordHasher {
    String hash(String password);

    boolean verify(String password, String encodedHash);

    /** True when the hash was made with parameters other than the configured ones. */
    boolean needsRehash(String encodedHash);
}
