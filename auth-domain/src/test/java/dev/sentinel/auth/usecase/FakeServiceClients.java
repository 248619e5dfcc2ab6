package dev.sentinel.auth.usecase;

import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.client.ServiceClientRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class FakeServiceClients implements ServiceClientRepository {
    final Map<String, ServiceClient> byId = new LinkedHashMap<>();

    @Override
    public void add(ServiceClient client) {
        byId.put(client.id(), client);
    }

    @Override
    public Optional<ServiceClient> find(String clientId) {
        return Optional.ofNullable(byId.get(clientId));
    }

    @Override
    public List<ServiceClient> list() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public boolean delete(String clientId) {
        return byId.remove(clientId) != null;
    }
}
