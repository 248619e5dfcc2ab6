package dev.sentinel.auth.token;

import java.util.List;

/** Keys shared by every instance on the database, so that any of them verifies what another signed. */
public interface SigningKeyRepository {
    List<SigningKey> all();

    /** Stores the key unless another instance stored one first; returns the keys then present. */
    List<SigningKey> addIfNone(SigningKey key);
}
