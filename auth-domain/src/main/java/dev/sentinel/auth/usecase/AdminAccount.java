package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.EmailAlreadyTakenException;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordHasher;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.time.Clock;

/** Makes sure the configured administrator exists; an existing account keeps its password and gains the role. */
public final class AdminAccount {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;

    public AdminAccount(UserRepository users, PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
    }

    public void ensure(String email, String password) {
        Email address = new Email(email);
        User existing = users.findByEmail(address).orElse(null);
        if (existing == null) {
            policy.check("adminPassword", password);
            try {
                users.add(User.register(address, "Administrator", hasher.hash(password), clock.instant()));
            } catch (EmailAlreadyTakenException raceWithAnotherInstance) {
                // the other instance created it; granting the role below is idempotent
            }
            existing = users.findByEmail(address).orElseThrow();
        }
        if (!existing.isAdmin()) {
            users.grantRole(existing.id(), Role.ADMIN);
        }
    }
}
