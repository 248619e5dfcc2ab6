package dev.sentinel.auth.user;

import java.util.Optional;
import java.util.UUID;

public interface UserRepository {
    Optional<User> findByEmail(Email email);

    Optional<User> findById(UUID id);

    /** @throws dev.sentinel.auth.error.EmailAlreadyTakenException when the email exists, also under a race */
    void add(User user);

    void updatePasswordHash(UUID userId, String passwordHash);

    void grantRole(UUID userId, Role role);
}
