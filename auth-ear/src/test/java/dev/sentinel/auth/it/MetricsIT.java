package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * As an operator I want to scrape counts of auth events and the latency of logins from /metrics
 * (Prometheus text), without a token.
 */
class MetricsIT extends SharedServerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void metricsAreOpenPrometheusTextCountingAuthEventsByTypeAndOutcome() {
        // given a successful login
        Accounts.Session user = Accounts.signUp(api);
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());

        // when /metrics is scraped without a token
        Reply metrics = awaitMetrics(samples -> total(samples, "LOGIN", "SUCCESS") >= 1, "a LOGIN/SUCCESS count");

        // then it is Prometheus text with auth_events_total{type="LOGIN",outcome="SUCCESS"}
        assertTrue(
                metrics.contentType() != null
                        && (metrics.contentType().startsWith("text/plain")
                                || metrics.contentType().startsWith("application/openmetrics-text")),
                () -> "content type " + metrics.contentType());
        assertTrue(metrics.body().contains("# TYPE"), "no # TYPE lines");
        assertTrue(parse(metrics.body()).stream()
                .anyMatch(sample -> sample.name.equals("auth_events_total")
                        && "LOGIN".equals(sample.labels.get("type"))
                        && "SUCCESS".equals(sample.labels.get("outcome"))));
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
        assertEquals(
                401, api.login(Accounts.uniqueEmail(), "a wrong password here").status());

        // then the count grows by at least one
        awaitMetrics(samples -> total(samples, "LOGIN", "FAILURE") >= before + 1, "LOGIN/FAILURE above " + before);
    }

    @Test
    void loginLatencyIsRecordedPerOperation() {
        // given the current number of timed logins
        Accounts.Session user = Accounts.signUp(api);
        double before = loginLatency(parse(scrape().body()), "_count");

        // when the user logs in
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());

        // then auth_request_duration{operation="login"} counts it and sums a positive duration
        Reply metrics = awaitMetrics(
                samples -> loginLatency(samples, "_count") >= before + 1,
                "auth_request_duration{operation=\"login\"} _count above " + before);
        List<Sample> samples = parse(metrics.body());
        assertTrue(loginLatency(samples, "_sum") > 0, () -> "no positive _sum: " + authLines(metrics.body()));
        // and, the product configuring buckets, it is a histogram with Prometheus _bucket lines
        assertTrue(
                metrics.body()
                        .lines()
                        .anyMatch(line -> line.startsWith("auth_request_duration_seconds_bucket{")
                                && line.contains("operation=\"login\"")),
                () -> "no auth_request_duration_seconds_bucket line for login: " + authLines(metrics.body()));
    }

    // ---- helpers

    private record Sample(String name, Map<String, String> labels, double value) {}

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
            Pause.millis(100);
            metrics = scrape();
        }
        return metrics;
    }

    private static double total(List<Sample> samples, String type, String outcome) {
        return samples.stream()
                .filter(sample -> sample.name.equals("auth_events_total"))
                .filter(sample ->
                        type.equals(sample.labels.get("type")) && outcome.equals(sample.labels.get("outcome")))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** The _count or _sum of the login latency (one sample expected). */
    private static double loginLatency(List<Sample> samples, String suffix) {
        List<Sample> matching = samples.stream()
                .filter(sample -> sample.name.startsWith("auth_request_duration") && sample.name.endsWith(suffix))
                .filter(sample -> "login".equals(sample.labels.get("operation")))
                .toList();
        assertTrue(matching.size() <= 1, () -> "several " + suffix + " samples for login: " + matching);
        return matching.isEmpty() ? 0 : matching.get(0).value;
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
