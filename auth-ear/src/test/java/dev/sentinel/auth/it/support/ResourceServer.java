package dev.sentinel.auth.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The example API (examples/resource-server) on a stock Open Liberty of its own, as its README section says: the
 * example's server.xml, the WAR in dropins/, and the MP JWT settings in server.env.
 */
public final class ResourceServer implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final StockLiberty liberty;
    private final String stockServerEnv;

    private ResourceServer(StockLiberty liberty, String stockServerEnv) {
        this.liberty = liberty;
        this.stockServerEnv = stockServerEnv;
    }

    /** A fresh stock Liberty with the example deployed; not started. */
    public static ResourceServer create(String name) throws IOException {
        Path repo = Path.of(System.getProperty("it.repo.dir", "..")).toAbsolutePath();
        StockLiberty liberty = StockLiberty.create(
                Path.of(System.getProperty("it.liberty.zip")),
                TestEnvironment.workDir().resolve(name),
                "resourceServer");
        Files.copy(
                repo.resolve("examples/resource-server/src/main/liberty/config/server.xml"),
                liberty.serverDir().resolve("server.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path war = Path.of(System.getProperty(
                "it.resource-server.war",
                repo.resolve("examples/resource-server/target/resource-server.war")
                        .toString()));
        Files.createDirectories(liberty.serverDir().resolve("apps"));
        Files.copy(war, liberty.serverDir().resolve("apps/resource-server.war"));
        return new ResourceServer(liberty, Files.readString(liberty.serverDir().resolve("server.env")));
    }

    /** Trusts the given auth server: its issuer, its JWKS and its audience, plus any further MP JWT settings. */
    public void startTrusting(URI authServer, String issuer, String audience, Map<String, String> more)
            throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("HTTP_PORT", String.valueOf(liberty.httpPort()));
        settings.put("HTTPS_PORT", String.valueOf(AuthServer.freePort()));
        settings.put("MP_JWT_VERIFY_ISSUER", issuer);
        settings.put(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                authServer.resolve("/api/auth/jwks").toString());
        settings.put("MP_JWT_VERIFY_AUDIENCES", audience);
        settings.putAll(more);
        StringBuilder env = new StringBuilder(stockServerEnv.strip()).append('\n');
        settings.forEach(
                (key, value) -> env.append(key).append('=').append(value).append('\n'));
        Files.writeString(liberty.serverDir().resolve("server.env"), env.toString());
        liberty.start();
        liberty.awaitReady();
    }

    /** GET of one of the example's endpoints with a bearer token (or none); answers the status and body. */
    public Reply get(String path, String accessToken) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(liberty.baseUri().resolve(path)).timeout(Duration.ofSeconds(30));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String messages() {
        return liberty.messages();
    }

    @Override
    public void close() {
        liberty.stopIfRunning();
    }
}
