package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.client.ServiceClient;
import dev.sentinel.auth.user.Role;
import java.util.List;

/** A service client as administrators see it; never its secret. */
public record ClientView(String clientId, String name, List<String> groups, String createdAt) {
    public static ClientView of(ServiceClient client) {
        return new ClientView(
                client.id(),
                client.name(),
                client.groups().stream().map(Role::group).sorted().toList(),
                client.createdAt().toString());
    }
}
