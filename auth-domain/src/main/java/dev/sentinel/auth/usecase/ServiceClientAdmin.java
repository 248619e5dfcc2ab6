package dev.sentinel.auth.usecase;

import dev.sentinel.auth.client.NewClient;
import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.client.ServiceClientRepository;
import dev.sentinel.auth.error.ClientNotFoundException;
import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.OpaqueToken;
import dev.sentinel.auth.user.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Administrators register the services that call with client credentials, and remove them. */
public final class ServiceClientAdmin {
    private static final int ID_BYTES = 16;

    private final ServiceClientRepository clients;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random;

    public ServiceClientAdmin(
            ServiceClientRepository clients,
            Transactions transactions,
            AuthEventLog events,
            Clock clock,
            SecureRandom random) {
        this.clients = clients;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
        this.random = random;
    }

    /** The secret leaves here once, in clear; only its hash is stored. */
    public NewClient create(String name, Collection<String> groups, Caller admin, ClientInfo client) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > ServiceClient.MAX_NAME) {
            throw InvalidInputException.of("name", "must be 1 to " + ServiceClient.MAX_NAME + " characters");
        }
        Set<Role> roles = rolesOf(groups);
        OpaqueToken secret = OpaqueToken.generate(random);
        ServiceClient created = new ServiceClient(newId(), trimmed, roles, secret.hash(), clock.instant());
        return transactions.inTransaction(() -> {
            clients.add(created);
            audit.changed(byAdmin(AuthEventType.CLIENT_CREATED, created.id(), admin, client));
            return new NewClient(created, secret);
        });
    }

    public List<ServiceClient> list() {
        return clients.list();
    }

    public void delete(String clientId, Caller admin, ClientInfo client) {
        // decided inside the transaction, refused after it: nothing to roll back, and no exception crosses it
        boolean deleted = clientId != null
                && transactions.inTransaction(() -> {
                    if (!clients.delete(clientId)) {
                        return false;
                    }
                    audit.changed(byAdmin(AuthEventType.CLIENT_DELETED, clientId, admin, client));
                    return true;
                });
        if (!deleted) {
            throw audit.refused(
                    admin.describe(audit.failure(AuthEventType.CLIENT_DELETED, client)), new ClientNotFoundException());
        }
    }

    /** The client acted on rides in the reason; an administrating client is named there too (events lack a field). */
    private AuthEvent.Builder byAdmin(AuthEventType type, String clientId, Caller admin, ClientInfo client) {
        String reason = "client:" + clientId + (admin.isClient() ? " by:" + admin.clientId() : "");
        return admin.describe(audit.success(type, client)).reason(reason);
    }

    private static Set<Role> rolesOf(Collection<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups == null ? List.<String>of() : groups) {
            try {
                roles.add(Role.ofGroup(group));
            } catch (IllegalArgumentException unknown) {
                throw InvalidInputException.of("groups", "each group must be \"user\" or \"admin\"");
            }
        }
        return roles;
    }

    /** Not a UUID, so that no relying party mistakes a client's subject for a user's. */
    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return "svc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
