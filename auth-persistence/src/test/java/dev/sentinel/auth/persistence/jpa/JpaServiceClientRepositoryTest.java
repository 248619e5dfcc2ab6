package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaServiceClientRepositoryTest extends JpaTestSupport {
    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00.123Z");

    private JpaServiceClientRepository clients;

    @BeforeEach
    void createRepository() {
        clients = new JpaServiceClientRepository(em);
    }

    private static ServiceClient client(String id, Set<Role> groups, Instant createdAt) {
        return new ServiceClient(id, "name of " + id, groups, "a".repeat(64), createdAt);
    }

    @Test
    void aStoredClientIsFoundByItsExactIdWithItsGroups() {
        ServiceClient admin = client("svc_Admin", Set.of(Role.ADMIN, Role.USER), NOW);
        ServiceClient none = client("svc_none", Set.of(), NOW.plusSeconds(1));
        tx.get(() -> {
            clients.add(admin);
            clients.add(none);
            return null;
        });

        assertEquals(Optional.of(admin), tx.get(() -> clients.find("svc_Admin")));
        assertEquals(Optional.empty(), tx.get(() -> clients.find("svc_admin")));
        assertEquals(List.of(admin, none), tx.get(() -> clients.list()));
    }

    @Test
    void deleteSaysWhetherThereWasSuchAClient() {
        tx.get(() -> {
            clients.add(client("svc_gone", Set.of(Role.USER), NOW));
            return null;
        });

        assertTrue(tx.get(() -> clients.delete("svc_gone")));
        assertFalse(tx.get(() -> clients.delete("svc_gone")));
        assertEquals(Optional.empty(), tx.get(() -> clients.find("svc_gone")));
    }
}
