package dev.sentinel.auth.usecase;

import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.client.ServiceClientRepository;
import dev.sentinel.auth.error.InvalidClientException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.OpaqueToken;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** A service client proves itself with its id and secret (RFC 6749 §2.3.1), for a token or an introspection. */
public final class ClientAuthentication {
    private static final int MAX_LENGTH = 256;

    private final ServiceClientRepository clients;
    private final Audit audit;
    /** Compared against when the id is unknown, so that both failures take the same path. */
    private final ServiceClient decoy;

    public ClientAuthentication(ServiceClientRepository clients, AuthEventLog events, Clock clock) {
        this.clients = clients;
        this.audit = new Audit(events, clock);
        this.decoy = new ServiceClient(
                "decoy",
                "decoy",
                java.util.Set.of(),
                OpaqueToken.hashOf(UUID.randomUUID().toString()),
                clock.instant());
    }

    /** {@code attempt}: the event type a failure is recorded under (the grant's, or the introspection's). */
    public ServiceClient authenticate(String clientId, String secret, AuthEventType attempt, ClientInfo client) {
        Optional<ServiceClient> found =
                clientId == null || clientId.length() > MAX_LENGTH ? Optional.empty() : clients.find(clientId);
        boolean valid = found.orElse(decoy).hasSecret(secret) && found.isPresent();
        if (!valid) {
            throw audit.refused(audit.failure(attempt, client), new InvalidClientException());
        }
        return found.get();
    }

    /** The client-credentials grant (RFC 6749 §4.4): no user, no session; the web layer signs its token. */
    public ServiceClient grant(String clientId, String secret, ClientInfo client) {
        ServiceClient granted = authenticate(clientId, secret, AuthEventType.LOGIN, client);
        audit.attempted(audit.success(AuthEventType.LOGIN, client).reason("client_credentials:" + granted.id()));
        return granted;
    }

    /** Whether tokens issued to this client are still honoured: a deleted client's are not. */
    public boolean exists(String clientId) {
        return clients.find(clientId).isPresent();
    }
}
