package dev.sentinel.auth.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JAX-RS client of one server, acting from one client IP (sent as X-Forwarded-For, which the test
 * servers trust from loopback). Every call answers a {@link Reply}, whatever the status.
 */
public final class Api {
    private static final Client CLIENT = ClientBuilder.newBuilder()
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(60, TimeUnit.SECONDS)
            // DELETE /api/auth/me carries a body, which HTTP allows and Jersey would refuse without this
            .property(org.glassfish.jersey.client.ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true)
            .build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI base;
    private final String clientIp;

    public Api(URI base, String clientIp) {
        this.base = base;
        this.clientIp = clientIp;
    }

    /** A client with an IP address of its own (from the IPv6 documentation prefix). */
    public static Api of(AuthServer server) {
        return new Api(server.baseUri(), randomIp());
    }

    public Api from(String otherIp) {
        return new Api(base, otherIp);
    }

    public Api on(AuthServer server) {
        return new Api(server.baseUri(), clientIp);
    }

    public String clientIp() {
        return clientIp;
    }

    public static String randomIp() {
        return String.format(
                "2001:db8:%x:%x::%x", RANDOM.nextInt(0xffff), RANDOM.nextInt(0xffff), RANDOM.nextInt(0xffff) + 1);
    }

    /** A JSON object from name/value pairs; values are strings, or null to leave the field out. */
    public static String json(String... namesAndValues) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                object.add(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return object.build().toString();
    }

    public Reply signup(String email, String password) {
        return post("/api/auth/signup", json("email", email, "password", password));
    }

    public Reply login(String email, String password) {
        return post("/api/auth/login", json("email", email, "password", password));
    }

    public Reply refresh(String refreshToken) {
        return post("/api/auth/refresh", json("refresh_token", refreshToken));
    }

    public Reply me(String accessToken) {
        return get("/api/auth/me", accessToken);
    }

    public Reply post(String path, String jsonBody) {
        return send("POST", path, jsonBody, "application/json", null, Map.of());
    }

    public Reply post(String path, String jsonBody, String accessToken) {
        return send("POST", path, jsonBody, "application/json", accessToken, Map.of());
    }

    public Reply get(String path, String accessToken) {
        return send("GET", path, null, null, accessToken, Map.of());
    }

    public Reply delete(String path, String accessToken) {
        return send("DELETE", path, null, null, accessToken, Map.of());
    }

    /** Any request: body and content type may be null, headers are added as given. */
    public Reply send(
            String method,
            String path,
            String body,
            String contentType,
            String accessToken,
            Map<String, String> headers) {
        Invocation.Builder request = CLIENT.target(base.resolve(path))
                .request()
                .header("X-Forwarded-For", clientIp)
                .header("User-Agent", "auth-it/1.0");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        headers.forEach(request::header);
        Response response = body == null
                ? request.method(method)
                : request.method(method, Entity.entity(body, contentType == null ? "application/json" : contentType));
        try (response) {
            Map<String, List<String>> replyHeaders = new HashMap<>();
            response.getStringHeaders().forEach(replyHeaders::put);
            return new Reply(
                    response.getStatus(), replyHeaders, response.hasEntity() ? response.readEntity(String.class) : "");
        }
    }
}
