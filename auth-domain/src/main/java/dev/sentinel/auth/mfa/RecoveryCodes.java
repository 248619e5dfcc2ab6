package dev.sentinel.auth.mfa;

import java.util.List;
import java.util.UUID;

/** The hashes of a user's unused recovery codes. */
public interface RecoveryCodes {
    /** The new set replaces every earlier one. */
    void replace(UUID userId, List<String> hashes);

    /** Deletes the code; true only for the one request that deleted it. */
    boolean consume(UUID userId, String hash);
}
