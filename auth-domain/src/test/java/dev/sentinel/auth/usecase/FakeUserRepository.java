package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.EmailAlreadyTakenException;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import dev.sentinel.auth.user.UserSearch;
import dev.sentinel.auth.user.UserStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

final class FakeUserRepository implements UserRepository {
    private final Map<UUID, User> byId = new LinkedHashMap<>();
    int passwordUpdates;
    int administratorLocks;

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

    @Override
    public Optional<User> lock(UUID userId) {
        return findById(userId);
    }

    @Override
    public void recordLogin(UUID userId, Instant at) {
        User u = byId.get(userId);
        byId.put(
                userId,
                new User(
                        u.id(),
                        u.email(),
                        u.displayName(),
                        u.passwordHash(),
                        u.roles(),
                        u.createdAt(),
                        u.credentialVersion(),
                        u.disabled(),
                        at));
    }

    @Override
    public void setDisabled(UUID userId, boolean disabled) {
        byId.put(userId, byId.get(userId).withDisabled(disabled));
    }

    @Override
    public void replaceRoles(UUID userId, Set<Role> roles) {
        byId.put(userId, byId.get(userId).withRoles(roles));
    }

    @Override
    public void lockAdministrators() {
        administratorLocks++;
    }

    @Override
    public long countActiveAdmins() {
        return byId.values().stream().filter(User::isActiveAdmin).count();
    }

    /** Status LOCKED is not modelled here (it needs the lockout store). */
    @Override
    public List<User> search(UserSearch search) {
        return byId.values().stream()
                .filter(u -> search.emailContains() == null || u.email().value().contains(search.emailContains()))
                .filter(u -> search.status() == null || (search.status() == UserStatus.DISABLED) == u.disabled())
                .filter(u -> search.afterEmail() == null || u.email().value().compareTo(search.afterEmail()) > 0)
                .sorted(Comparator.comparing(u -> u.email().value()))
                .limit(search.limit())
                .toList();
    }

    void put(User user) {
        byId.put(user.id(), user);
    }

    int size() {
        return byId.size();
    }
}
