package dev.sentinel.auth.it.support;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Two servers with the same settings, started at the same moment as a load-balanced deployment starts them: both
 * migrate the shared database and both try to create the first signing key.
 */
public record TwoInstances(AuthServer first, AuthServer second) {

    /** Starts {@code <name>-a} and {@code <name>-b}; if one cannot start, the other is stopped again. */
    public static TwoInstances start(String name, Map<String, String> environment) {
        CompletableFuture<AuthServer> a =
                CompletableFuture.supplyAsync(() -> AuthServer.start(name + "-a", environment));
        CompletableFuture<AuthServer> b =
                CompletableFuture.supplyAsync(() -> AuthServer.start(name + "-b", environment));
        try {
            CompletableFuture.allOf(a, b).join();
        } catch (CompletionException e) {
            a.thenAccept(AuthServer::close);
            b.thenAccept(AuthServer::close);
            throw e;
        }
        return new TwoInstances(a.join(), b.join());
    }

    /** Both on a fresh MariaDB database, with the settings of every test server. */
    public static TwoInstances onFreshMariaDb(String name) {
        return start(
                name, TestEnvironment.withTestSettings(TestEnvironment.database(TestEnvironment.freshDatabaseName())));
    }
}
