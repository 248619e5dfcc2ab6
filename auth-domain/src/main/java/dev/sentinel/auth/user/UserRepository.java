package dev.sentinel.auth.user;

import java.util.Optional;
import java.util.UUID;

public interface UserRepository {
    Optional<User> findByEmail(Email email);

    Optional<User> findById(UUID id);

    /** @throws dev.sentinel.auth.error.EmailAlreadyTakenException when the email exists, also under a race */
    void add(User user);

    /** Stores a new hash of the same password (stronger parameters): the credential version stays. */
    void updatePasswordHash(UUID userId, String passwordHash);

    /**
     * Replaces the password: the credential version goes up, so sessions opened with the old one are refused.
     * Returns the new version.
     */
    int replacePassword(UUID userId, String passwordHash);

    /**
     * The user's credential version, read under a row lock held to the end of the transaction: a concurrent
     * password replacement commits wholly before this read or after this transaction. -1 if there is no such user.
     */
    int lockCredentialVersion(UUID userId);

    void grantRole(UUID userId, Role role);
}
