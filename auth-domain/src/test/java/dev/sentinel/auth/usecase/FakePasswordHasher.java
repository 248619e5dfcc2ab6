package dev.sentinel.auth.usecase;

import dev.sentinel.auth.user.PasswordHasher;

/** Instant "hashing" that still lets a test count the calls that would be slow in production. */
final class FakePasswordHasher implements PasswordHasher {
    static final String PREFIX = "hash:";
    static final String OLD_PREFIX = "old:";

    int hashCalls;
    int verifyCalls;
    /** The next verify throws, as a hasher that sheds load would. */
    boolean failNextVerify;

    @Override
    public String hash(String password) {
        hashCalls++;
        return PREFIX + password;
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        verifyCalls++;
        if (failNextVerify) {
            failNextVerify = false;
            throw new IllegalStateException("hasher overloaded");
        }
        return encodedHash.equals(PREFIX + password) || encodedHash.equals(OLD_PREFIX + password);
    }

    /** Hashes made "with old parameters" carry another prefix. */
    @Override
    public boolean needsRehash(String encodedHash) {
        return encodedHash.startsWith(OLD_PREFIX);
    }
}
