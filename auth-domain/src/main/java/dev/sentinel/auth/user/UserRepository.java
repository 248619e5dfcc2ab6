package dev.sentinel.auth.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    void grantRole(UUID userId, Role role);

    /**
     * The account read under a row lock held to the end of the transaction: a concurrent password replacement or
     * disabling commits wholly before this read or after this transaction.
     */
    Optional<User> lock(UUID userId);

    /** Notes the start of a session; in the caller's transaction. */
    void recordLogin(UUID userId, Instant at);

    void setDisabled(UUID userId, boolean disabled);

    void replaceRoles(UUID userId, Set<Role> roles);

    /**
     * Serialises every change that may take away an administrator, on every instance sharing the database, until
     * the end of the caller's transaction (which must exist). Take it before reading what the change depends on.
     */
    void lockAdministrators();

    /** Enabled accounts with the admin role, as committed now. */
    long countActiveAdmins();

    /** Up to {@code search.limit()} accounts, by email. */
    List<User> search(UserSearch search);
}
