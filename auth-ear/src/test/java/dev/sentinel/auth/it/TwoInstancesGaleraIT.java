package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.GaleraCluster;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link TwoInstancesMariaDbIT}, with the two instances on two different nodes of a Galera
 * cluster ({@code .ci/galera.sh start}), where {@code SELECT ... FOR UPDATE} locks only the local node and
 * the loser of two conflicting transactions fails at commit with SQLSTATE 40001: the service retries the
 * whole transaction, so races still end in one account, one successor, and never a 500.
 */
class TwoInstancesGaleraIT extends TwoInstancesMariaDbIT {

    /**
     * Instead of the superclass's start (which steps aside for a subclass): the same two instances, on nodes 1 and 2, one after the other, as the
     * README asks on Galera (Flyway's lock, GET_LOCK, holds on one node only: started together, both
     * migrate, and one of them finds a failed migration).
     */
    @BeforeAll
    static void startTwoInstancesOnTwoNodes() {
        String database = TestEnvironment.freshDatabaseName();
        first = AuthServer.start("galera-a", TestEnvironment.withTestSettings(GaleraCluster.database(database, 1)));
        second = AuthServer.start("galera-b", TestEnvironment.withTestSettings(GaleraCluster.database(database, 2)));
    }

    @Test
    void tenConcurrentRefreshesOfOneTokenAcrossBothNodesAllGetTheOneSuccessor() throws Exception {
        Session session = Accounts.signUp(Api.of(first));
        String ip = Api.randomIp(); // ten refreshes from one client: its own rate-limit bucket
        List<Callable<Reply>> refreshes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api api = Api.of(i % 2 == 0 ? first : second).from(ip);
            refreshes.add(() -> api.refresh(session.refreshToken()));
        }

        List<Reply> replies = Concurrently.all(refreshes);

        assertEquals(
                List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                replies.stream().map(Reply::status).toList(),
                replies::toString);
        assertEquals(
                1,
                replies.stream()
                        .map(reply -> reply.json().getString("refresh_token"))
                        .collect(Collectors.toSet())
                        .size(),
                replies::toString);
    }

    @Test
    void tenConcurrentRefreshesOfOneTokenOnOneInstanceAllGetTheOneSuccessor() throws Exception {
        Session session = Accounts.signUp(Api.of(second));
        Api api = Api.of(second).from(Api.randomIp());
        List<Callable<Reply>> refreshes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            refreshes.add(() -> api.refresh(session.refreshToken()));
        }

        List<Reply> replies = Concurrently.all(refreshes);

        assertEquals(
                List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                replies.stream().map(Reply::status).toList(),
                replies::toString);
        assertEquals(
                1,
                replies.stream()
                        .map(reply -> reply.json().getString("refresh_token"))
                        .collect(Collectors.toSet())
                        .size());
    }
}
