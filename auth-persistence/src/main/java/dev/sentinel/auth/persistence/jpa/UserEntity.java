package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

@Entity
@Table(name = "users")
class UserEntity {
    @Id
    String id;

    String email;

    @Column(name = "display_name")
    String displayName;

    @Column(name = "password_hash")
    String passwordHash;
    /** Comma-separated group names: a user has one or two roles, a join table would buy nothing. */
    String roles;

    @Column(name = "created_at")
    long createdAt;

    @Column(name = "credential_version")
    int credentialVersion;

    boolean disabled;

    @Column(name = "last_login_at")
    Long lastLoginAt;

    static UserEntity from(User user) {
        UserEntity entity = new UserEntity();
        entity.id = user.id().toString();
        entity.email = user.email().value();
        entity.displayName = user.displayName();
        entity.passwordHash = user.passwordHash();
        entity.roles = rolesColumn(user.roles());
        entity.createdAt = user.createdAt().toEpochMilli();
        entity.credentialVersion = user.credentialVersion();
        entity.disabled = user.disabled();
        entity.lastLoginAt =
                user.lastLoginAt() == null ? null : user.lastLoginAt().toEpochMilli();
        return entity;
    }

    /** Changes go through the entity's own methods: EclipseLink's weaving tracks only those. */
    void changeRoles(java.util.Set<Role> newRoles) {
        roles = rolesColumn(newRoles);
    }

    static String rolesColumn(java.util.Set<Role> roles) {
        return roles.stream().map(Role::group).sorted().collect(Collectors.joining(","));
    }

    User toUser() {
        return new User(
                UUID.fromString(id),
                new Email(email),
                displayName,
                passwordHash,
                Arrays.stream(roles.split(",")).map(Role::ofGroup).collect(Collectors.toSet()),
                Instant.ofEpochMilli(createdAt),
                credentialVersion,
                disabled,
                lastLoginAt == null ? null : Instant.ofEpochMilli(lastLoginAt));
    }
}
