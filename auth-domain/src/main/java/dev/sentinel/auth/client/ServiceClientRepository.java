package dev.sentinel.auth.client;

import java.util.List;
import java.util.Optional;

public interface ServiceClientRepository {
    void add(ServiceClient client);

    Optional<ServiceClient> find(String clientId);

    /** Oldest first. */
    List<ServiceClient> list();

    /** Whether there was such a client. */
    boolean delete(String clientId);
}
