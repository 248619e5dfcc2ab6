package dev.sentinel.auth.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/** The user administration API (/api/admin/users) as one administrator calls it. */
public final class AdminApi {
    public static final String USERS = "/api/admin/users";

    private final Api api;
    private final String token;
    private final String adminId;

    public AdminApi(Api api, String token, String adminId) {
        this.api = api;
        this.token = token;
        this.adminId = adminId;
    }

    /** Logs in as the bootstrap administrator (TestEnvironment.ADMIN_EMAIL) from a client IP of its own. */
    public static AdminApi bootstrapAdmin(AuthServer server) {
        return logIn(Api.of(server), TestEnvironment.ADMIN_EMAIL, TestEnvironment.ADMIN_PASSWORD);
    }

    public static AdminApi logIn(Api api, String email, String password) {
        Reply login = api.login(email, password);
        assertEquals(200, login.status(), () -> "admin login failed: " + login);
        return new AdminApi(
                api,
                login.json().getString("access_token"),
                login.json().getJsonObject("user").getString("id"));
    }

    /** The same administrator's calls sent to another server (sharing the database). */
    public AdminApi on(AuthServer server) {
        return new AdminApi(api.on(server), token, adminId);
    }

    public String token() {
        return token;
    }

    public String adminId() {
        return adminId;
    }

    public Api api() {
        return api;
    }

    /** GET /api/admin/users with a raw query string (values already encoded), or none. */
    public Reply list(String queryString) {
        return api.get(queryString == null ? USERS : USERS + "?" + queryString, token);
    }

    public Reply user(String id) {
        return api.get(USERS + "/" + id, token);
    }

    /** POST /api/admin/users/{id}/{action}: disable, enable, unlock, sessions/revoke. */
    public Reply act(String id, String action) {
        return api.send("POST", USERS + "/" + id + "/" + action, null, null, token, Map.of());
    }

    public Reply setRoles(String id, String... roles) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String role : roles) {
            array.add(role);
        }
        String body = Json.createObjectBuilder().add("roles", array).build().toString();
        return api.send("PUT", USERS + "/" + id + "/roles", body, "application/json", token, Map.of());
    }

    public Reply delete(String id) {
        return api.delete(USERS + "/" + id, token);
    }

    /** The ids of the enabled, unlocked accounts with the admin role (one page of up to 200 accounts). */
    public List<String> activeAdminIds() {
        Reply all = list("status=active&limit=200");
        assertEquals(200, all.status(), all::toString);
        assertEquals(JsonValue.NULL, all.json().get("next_cursor"), "more than one page of accounts");
        return all.items().stream()
                .map(JsonValue::asJsonObject)
                .filter(user -> user.getJsonArray("roles").getString(0).equals("admin"))
                .map(user -> user.getString("id"))
                .toList();
    }
}
