package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.client.NewClient;
import dev.sentinel.auth.user.Role;
import java.util.List;

/** The answer to creating a client: the only time its secret is shown. */
public record NewClientView(String clientId, String clientSecret, String name, List<String> groups, String createdAt) {
    public static NewClientView of(NewClient created) {
        return new NewClientView(
                created.client().id(),
                created.secret().value(),
                created.client().name(),
                created.client().groups().stream().map(Role::group).sorted().toList(),
                created.client().createdAt().toString());
    }

    @Override
    public String toString() {
        return "NewClientView[client_id=" + clientId + "]";
    }
}
