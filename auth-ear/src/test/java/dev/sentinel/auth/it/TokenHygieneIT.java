package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ForgedTokens.claimsOf;
import static dev.sentinel.auth.it.support.ForgedTokens.serverKid;
import static dev.sentinel.auth.it.support.ForgedTokens.sign;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.ForgedTokens;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/**
 * As an operator I put the service in front of real users: a client that sends a broken or forged token gets a
 * 401, and the server's logs neither echo the token (a token with one character appended contains a valid one)
 * nor fill with ERROR lines and incident files that any stranger can cause.
 */
class TokenHygieneIT extends SharedServerTest {
    private static final int REQUESTS = 1_000;
    /** Liberty's error messages end their id in E (CWWKS5524E); the JDK's logger says SEVERE. */
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^.*(\\b[A-Z]{4,5}\\d{4,5}E\\b|SEVERE|\\[ERROR).*$");

    @Test
    void athousandRejectedTokensOfTwelveKindsLeaveNoTokenAndNoErrorInTheLogs() throws Exception {
        // given tokens of twelve kinds, each refused for another reason
        Map<String, List<String>> kinds = rejectedTokensByKind();
        String logsBefore = server.logs();
        long errorsBefore = errorLines(logsBefore);
        Map<String, String> incidentsBefore = server.ffdcFiles();
        double rejectionsBefore = rejectionsCounted();

        // when a thousand requests carry them
        int sent = 0;
        for (int round = 0; sent < REQUESTS; round++) {
            for (Map.Entry<String, List<String>> kind : kinds.entrySet()) {
                String token = kind.getValue().get(round % kind.getValue().size());
                Reply reply = api.me(token);
                assertProblem(reply, 401);
                sent++;
            }
        }

        // then each is counted, and the logs hold none of them and no new error
        assertTrue(
                rejectionsCounted() - rejectionsBefore >= REQUESTS,
                "auth_token_rejections_total grew by " + (rejectionsCounted() - rejectionsBefore));
        String logs = server.logs();
        Map<String, String> incidents = server.ffdcFiles();
        for (Map.Entry<String, List<String>> kind : kinds.entrySet()) {
            for (String token : kind.getValue()) {
                assertNoPartOf(token, logs, kind.getKey(), "the log");
                incidents.values().forEach(incident -> assertNoPartOf(token, incident, kind.getKey(), "an FFDC file"));
            }
        }
        assertEquals(errorsBefore, errorLines(logs), () -> "new error lines:\n" + newErrorLines(logsBefore, logs));
        assertEquals(incidentsBefore.keySet(), incidents.keySet(), "new FFDC incident files");
    }

    @Test
    void rejectionsAreSummarisedAtMostOnceAMinute() {
        // given
        long before = summaries(server.logs());

        // when many tokens are refused within a few seconds
        for (int i = 0; i < 50; i++) {
            assertProblem(api.me("not-a-token-" + i), 401);
        }

        // then at most one more summary line was written
        assertTrue(summaries(server.logs()) - before <= 1, "summary lines: " + (summaries(server.logs()) - before));
    }

    private Map<String, List<String>> rejectedTokensByKind() throws Exception {
        String kid = serverKid(api);
        List<Accounts.Session> users = List.of(Accounts.signUp(api), Accounts.signUp(api));
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        for (Accounts.Session user : users) {
            String valid = user.accessToken();
            JwtClaims claims = claimsOf(valid);
            String[] parts = valid.split("\\.");
            add(kinds, "a character appended", valid + "x");
            add(kinds, "truncated", valid.substring(0, valid.length() - 7));
            add(kinds, "signature altered", parts[0] + "." + parts[1] + "." + flipped(parts[2]));
            add(kinds, "payload altered", ForgedTokens.withPayload(valid, with(claims, c -> c.setSubject("x"))));
            add(
                    kinds,
                    "another key, unknown kid",
                    sign(claims, TestKeys.newRsaKey().getPrivate(), "k-" + UUID.randomUUID()));
            add(
                    kinds,
                    "another key under our kid",
                    sign(claims, TestKeys.newRsaKey().getPrivate(), kid));
            add(kinds, "alg none", ForgedTokens.unsigned(claims));
            add(kinds, "HS256 with the public key", ForgedTokens.hmacWithThePublicKey(claims, kid));
            add(kinds, "expired", sign(with(claims, c -> c.setExpirationTime(minutesFromNow(-5))), ourKey(), kid));
            add(kinds, "another issuer", sign(with(claims, c -> c.setIssuer("https://evil.example")), ourKey(), kid));
            add(kinds, "another audience", sign(with(claims, c -> c.setAudience("other-service")), ourKey(), kid));
            add(kinds, "not a JWT", "abc." + UUID.randomUUID() + ".ghi");
        }
        return kinds;
    }

    private static void add(Map<String, List<String>> kinds, String kind, String token) {
        kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(token);
    }

    private interface ClaimsChange {
        void apply(JwtClaims claims) throws Exception;
    }

    private static JwtClaims with(JwtClaims original, ClaimsChange change) throws Exception {
        JwtClaims copy = JwtClaims.parse(original.toJson());
        change.apply(copy);
        return copy;
    }

    private static java.security.PrivateKey ourKey() {
        return TestKeys.signingKey().getPrivate();
    }

    private static NumericDate minutesFromNow(int minutes) {
        NumericDate date = NumericDate.now();
        date.addSeconds(minutes * 60L);
        return date;
    }

    private static String flipped(String signature) {
        int middle = signature.length() / 2;
        char replacement = signature.charAt(middle) == 'A' ? 'B' : 'A';
        return signature.substring(0, middle) + replacement + signature.substring(middle + 1);
    }

    /** Any 24 characters of a token's signature or payload would be enough to recognise it. */
    private static void assertNoPartOf(String token, String text, String kind, String where) {
        for (String part : token.split("\\.")) {
            if (part.length() >= 24) {
                String sample = part.substring(part.length() - 24);
                assertTrue(!text.contains(sample), () -> "a token (" + kind + ") appears in " + where);
            }
        }
    }

    private double rejectionsCounted() {
        Reply metrics = api.get("/metrics", null);
        assertEquals(200, metrics.status(), metrics::toString);
        return metrics.body()
                .lines()
                .filter(line -> line.startsWith("auth_token_rejections_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long errorLines(String logs) {
        return ERROR_LINE.matcher(logs).results().count();
    }

    private static String newErrorLines(String before, String after) {
        List<String> lines = new ArrayList<>();
        Matcher matcher = ERROR_LINE.matcher(after);
        while (matcher.find()) {
            if (!before.contains(matcher.group())) {
                lines.add(matcher.group());
            }
        }
        return String.join("\n", lines);
    }

    private static long summaries(String logs) {
        return logs.lines()
                .filter(line -> line.contains("bearer tokens refused since the last summary"))
                .count();
    }
}
