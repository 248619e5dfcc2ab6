package dev.sentinel.auth.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Form posts to the OAuth endpoints, as an OAuth client sends them, and service clients made by the admin API. */
public final class OAuthForms {
    public static final String FORM = "application/x-www-form-urlencoded";

    private final Api api;

    public OAuthForms(Api api) {
        this.api = api;
    }

    /** A form from name/value pairs (a null value leaves the pair out). */
    public static String form(String... namesAndValues) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                form.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
            }
        }
        return form.toString();
    }

    /** RFC 6749 §2.3.1: id and secret are form-url-encoded, then joined and base64-encoded. */
    public static String basic(String clientId, String secret) {
        String pair = encode(clientId) + ":" + encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    public Reply post(String path, String form, String authorization) {
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return api.send("POST", path, form, FORM, null, headers);
    }

    public Reply token(String form, String authorization) {
        return post("/oauth2/token", form, authorization);
    }

    public Reply passwordGrant(String username, String password) {
        return token(form("grant_type", "password", "username", username, "password", password), null);
    }

    public Reply clientCredentials(ServiceClient client) {
        return token(form("grant_type", "client_credentials"), basic(client.id(), client.secret()));
    }

    public Reply introspect(String token, ServiceClient asker) {
        return post("/oauth2/introspect", form("token", token), basic(asker.id(), asker.secret()));
    }

    public Reply revoke(String token) {
        return post("/oauth2/revoke", form("token", token), null);
    }

    /** Creates a service client through the admin API; fails unless 201. */
    public static ServiceClient createClient(Api api, String adminToken, String name, String... groups) {
        StringJoiner list = new StringJoiner(",", "[", "]");
        for (String group : groups) {
            list.add("\"" + group + "\"");
        }
        Reply created =
                api.post("/api/admin/clients", "{\"name\":\"" + name + "\",\"groups\":" + list + "}", adminToken);
        assertEquals(201, created.status(), () -> "client creation: " + created);
        return new ServiceClient(
                created.json().getString("client_id"), created.json().getString("client_secret"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public record ServiceClient(String id, String secret) {}
}
