package dev.sentinel.auth.token;

import java.util.Collection;
import java.util.List;

/** Keys shared by every instance on the database, so that any of them verifies what another signed. */
public interface SigningKeyRepository {
    /** Every stored key, newest generation first. */
    List<SigningKey> all();

    /** Stores the key unless its generation is taken (another instance rotated first): then false. */
    boolean add(SigningKey key);

    /** Replaces a key's stored private key, unless another instance replaced it first. */
    void replacePrivateKey(String kid, String expected, String replacement);

    /** Forgets keys that no live token can carry any more. */
    void remove(Collection<String> kids);
}
