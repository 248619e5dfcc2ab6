package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.user.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

@Entity
@Table(name = "service_clients")
class ServiceClientEntity {
    @Id
    String id;

    String name;

    /** Comma-separated group names, as users' roles. */
    @Column(name = "groups_list")
    String groups;

    @Column(name = "secret_hash")
    String secretHash;

    @Column(name = "created_at")
    long createdAt;

    static ServiceClientEntity from(ServiceClient client) {
        ServiceClientEntity entity = new ServiceClientEntity();
        entity.id = client.id();
        entity.name = client.name();
        entity.groups = UserEntity.rolesColumn(client.groups());
        entity.secretHash = client.secretHash();
        entity.createdAt = client.createdAt().toEpochMilli();
        return entity;
    }

    ServiceClient toClient() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(groups.split(","))
                .filter(group -> !group.isBlank())
                .forEach(group -> roles.add(Role.ofGroup(group)));
        return new ServiceClient(id, name, roles, secretHash, Instant.ofEpochMilli(createdAt));
    }
}
