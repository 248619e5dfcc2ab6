package dev.sentinel.auth.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients that sign up, log in, refresh and read /me in a loop against several servers in turn, each
 * request from a client IP of its own, and remember every answer: what the server promised (a 201 signup,
 * a 200 login, the last refresh token handed out) is checked after whatever happened meanwhile.
 */
public final class MixedLoad implements AutoCloseable {
    /** One answer; status -1 when none came (the server was gone). */
    public record Answer(String endpoint, String server, int status, String retryAfter, Instant at) {
        public boolean isServerError() {
            return status >= 500 && !(status == 503 && retryAfter != null);
        }
    }

    /** A client's account and the last refresh token it was handed. */
    public record Client(String email, String refreshToken) {}

    private final List<AuthServer> servers;
    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> signups = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> loginsGranted = new ConcurrentHashMap<>();
    private final Map<Integer, Client> clients = new ConcurrentHashMap<>();

    private MixedLoad(List<AuthServer> servers, int workers) {
        this.servers = servers;
        this.threads = Executors.newFixedThreadPool(workers);
        for (int worker = 0; worker < workers; worker++) {
            int id = worker;
            threads.submit(() -> work(id));
        }
    }

    public static MixedLoad start(List<AuthServer> servers, int workers) {
        return new MixedLoad(servers, workers);
    }

    private void work(int worker) {
        for (int round = 0; running.get(); round++) {
            AuthServer server = servers.get((worker + round) % servers.size());
            Api api = Api.of(server);
            String email = Accounts.uniqueEmail();
            Reply signup = call("signup", server, () -> api.signup(email, Accounts.PASSWORD));
            if (signup.status() != 201) {
                continue;
            }
            signups.add(email);
            clients.put(worker, new Client(email, signup.json().getString("refresh_token")));
            Reply login = call("login", server, () -> api.login(email, Accounts.PASSWORD));
            if (login.status() == 200) {
                loginsGranted.merge(email, 1, Integer::sum);
                call("me", server, () -> api.me(login.json().getString("access_token")));
            }
            Client client = clients.get(worker);
            Reply refreshed = call("refresh", server, () -> api.refresh(client.refreshToken()));
            if (refreshed.status() == 200) {
                clients.put(worker, new Client(email, refreshed.json().getString("refresh_token")));
            }
        }
    }

    private Reply call(String endpoint, AuthServer server, java.util.function.Supplier<Reply> request) {
        Reply reply;
        try {
            reply = request.get();
        } catch (RuntimeException noAnswer) {
            reply = new Reply(-1, Map.of(), String.valueOf(noAnswer));
            Pause.millis(100);
        }
        answers.add(new Answer(endpoint, server.name(), reply.status(), reply.header("Retry-After"), Instant.now()));
        return reply;
    }

    /** Every answer so far, in the order they came. */
    public List<Answer> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /** Each address whose signup was answered 201. */
    public List<String> signedUp() {
        synchronized (signups) {
            return List.copyOf(signups);
        }
    }

    /** For each address, how many logins were answered 200. */
    public Map<String, Integer> loginsGranted() {
        return Map.copyOf(loginsGranted);
    }

    /** Each client's latest refresh token. */
    public List<Client> clients() {
        return List.copyOf(clients.values());
    }

    /** Waits until the first answer of the given status from the server at or after the instant, or fails. */
    public Instant awaitAnswer(String server, int status, Instant after, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            for (Answer answer : answers()) {
                if (answer.server().equals(server)
                        && answer.status() == status
                        && !answer.at().isBefore(after)) {
                    return answer.at();
                }
            }
            Pause.millis(50);
        }
        throw new AssertionError("no " + status + " from " + server + " within " + within + " after " + after);
    }

    /** Stops the clients and waits for their requests in flight. */
    @Override
    public void close() {
        running.set(false);
        threads.shutdown();
        try {
            threads.awaitTermination(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
