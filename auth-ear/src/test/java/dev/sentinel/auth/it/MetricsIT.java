package dev.sentinel.auth.it;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * As an operator I want to scrape counts of auth events and the latency of logins from /metrics
 * (Prometheus text), without a token.
 */
class MetricsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static AuthServer server;
    private Api api;

    @BeforeAll
    static void startServer() {
        server = TestEnvironment.sharedServer();
    }

    @BeforeEach
    void client() {
        api = Api.of(server);
    }

    @Test
    void metricsAreOpenPrometheusTextCountingAuthEventsByTypeAndOutcome() {
        // given a successful login
        Accounts.Session user = Accounts.signUp(api);
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());

        // when /metrics is scraped without a token
        Reply metrics = awaitMetrics(samples -> total(samples, "LOGIN", "SUCCESS") >= 1, "a LOGIN/SUCCESS count");

        // then it is Prometheus text with auth_events_total{type="LOGIN",outcome="SUCCESS"}
        assertTrue(metrics.contentType() != null && (metrics.contentType().startsWith("text/plain")
                        || metrics.contentType().startsWith("application/openmetrics-text")),
                () -> "content type " + metrics.contentType());
        assertTrue(metrics.body().contains("# TYPE"), "no # TYPE lines");
        assertTrue(parse(metrics.body()).stream().anyMatch(sample -> sample.name.equals("auth_events_total")
                && "LOGIN".equals(sample.labels.get("type")) && "SUCCESS".equals(sample.labels.get("outcome"))));
    }

    @Test
    void aLoginIncrementsTheLoginSuccessCount() {
        // given an account and the current count of successful logins
        Accounts.Session user = Accounts.signUp(api);
        double before = total(parse(scrape().body()), "LOGIN", "SUCCESS");

        // when it logs in
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());

        // then the count grows by at least one
        awaitMetrics(samples -> total(samples, "LOGIN", "SUCCESS") >= before + 1, "LOGIN/SUCCESS above " + before);
    }

    @Test
    void aFailedLoginIncrementsTheLoginFailureCount() {
        // given the current count of failed logins
        double before = total(parse(scrape().body()), "LOGIN", "FAILURE");

        // when a login fails
        assertEquals(401, api.login(Accounts.uniqueEmail(), "a wrong password here").status());

        // then the count grows by at least one
        awaitMetrics(samples -> total(samples, "LOGIN", "FAILURE") >= before + 1, "LOGIN/FAILURE above " + before);
    }

    @Test
    void loginLatencyIsAHistogram() {
        // given a login
        Accounts.Session user = Accounts.signUp(api);
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());

        // when /metrics is scraped
        List<Sample> login = parse(scrape().body()).stream()
                .filter(sample -> sample.name.startsWith("auth_request_duration"))
                .filter(sample -> "login".equals(sample.labels.get("operation"))).toList();

        // then auth_request_duration{operation="login"} has buckets, a +Inf bucket equal to the count, and a sum
        List<Sample> buckets = login.stream().filter(sample -> sample.name.endsWith("_bucket")).toList();
        Sample count = only(login, "_count");
        Sample sum = only(login, "_sum");
        assertTrue(buckets.size() >= 2, () -> "no histogram buckets for login: " + login);
        buckets.forEach(bucket -> assertTrue(bucket.labels.containsKey("le"), bucket::toString));
        Sample infinite = buckets.stream().filter(bucket -> "+Inf".equals(bucket.labels.get("le"))).findFirst()
                .orElseGet(() -> fail("no le=\"+Inf\" bucket: " + buckets));
        assertTrue(count.value >= 1, count::toString);
        assertEquals(count.value, infinite.value, "the +Inf bucket counts every login");
        assertTrue(sum.value > 0, sum::toString);
        assertNonDecreasing(buckets);
    }

    // ---- helpers

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private Reply scrape() {
        Reply metrics = api.get("/metrics", null);
        assertEquals(200, metrics.status(), () -> "/metrics: " + metrics.status());
        return metrics;
    }

    private Reply awaitMetrics(Predicate<List<Sample>> done, String what) {
        Instant deadline = Instant.now().plus(DEADLINE);
        Reply metrics = scrape();
        while (!done.test(parse(metrics.body()))) {
            if (Instant.now().isAfter(deadline)) {
                fail("no " + what + " in /metrics within " + DEADLINE + ": " + authLines(metrics.body()));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            metrics = scrape();
        }
        return metrics;
    }

    private static double total(List<Sample> samples, String type, String outcome) {
        return samples.stream().filter(sample -> sample.name.equals("auth_events_total"))
                .filter(sample -> type.equals(sample.labels.get("type")) && outcome.equals(sample.labels.get("outcome")))
                .mapToDouble(Sample::value).sum();
    }

    private static Sample only(List<Sample> samples, String suffix) {
        List<Sample> matching = samples.stream().filter(sample -> sample.name.endsWith(suffix)).toList();
        assertEquals(1, matching.size(), () -> "one " + suffix + " sample expected: " + samples);
        return matching.get(0);
    }

    private static void assertNonDecreasing(List<Sample> buckets) {
        List<Sample> sorted = new ArrayList<>(buckets);
        sorted.sort((a, b) -> Double.compare(bound(a), bound(b)));
        for (int i = 1; i < sorted.size(); i++) {
            assertFalse(sorted.get(i).value < sorted.get(i - 1).value, () -> "buckets are not cumulative: " + sorted);
        }
    }

    private static double bound(Sample bucket) {
        String le = bucket.labels.get("le");
        return number(le);
    }

    private static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches()) {
                fail("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, number(sample.group(3))));
        }
        return samples;
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static String authLines(String text) {
        return text.lines().filter(line -> line.contains("auth_")).reduce("", (a, b) -> a + "\n" + b);
    }
}
