package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.EmailAlreadyTakenException;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

final class FakeUserRepository implements UserRepository {
    private final Map<UUID, User> byId = new LinkedHashMap<>();
    int passwordUpdates;

    @Override
    public Optional<User> findByEmail(Email email) {
        return byId.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }

    @Override
    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public void add(User user) {
        if (findByEmail(user.email()).isPresent()) {
            throw new EmailAlreadyTakenException();
        }
        byId.put(user.id(), user);
    }

    @Override
    public void updatePasswordHash(UUID userId, String passwordHash) {
        passwordUpdates++;
        User u = byId.get(userId);
        byId.put(
                userId,
                new User(
                        u.id(),
                        u.email(),
                        u.displayName(),
                        passwordHash,
                        u.roles(),
                        u.createdAt(),
                        u.credentialVersion()));
    }

    @Override
    public int replacePassword(UUID userId, String passwordHash) {
        passwordUpdates++;
        User u = byId.get(userId);
        byId.put(
                userId,
                new User(
                        u.id(),
                        u.email(),
                        u.displayName(),
                        passwordHash,
                        u.roles(),
                        u.createdAt(),
                        u.credentialVersion() + 1));
        return u.credentialVersion() + 1;
    }

    @Override
    public int lockCredentialVersion(UUID userId) {
        User u = byId.get(userId);
        return u == null ? -1 : u.credentialVersion();
    }

    @Override
    public void grantRole(UUID userId, Role role) {
        User u = byId.get(userId);
        EnumSet<Role> roles = EnumSet.copyOf(u.roles());
        roles.add(role);
        byId.put(
                userId,
                new User(
                        u.id(),
                        u.email(),
                        u.displayName(),
                        u.passwordHash(),
                        roles,
                        u.createdAt(),
                        u.credentialVersion()));
    }

    int size() {
        return byId.size();
    }
}
