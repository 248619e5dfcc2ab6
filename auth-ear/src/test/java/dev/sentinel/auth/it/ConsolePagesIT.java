package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operator console at /admin/: static files from this host only (the chart library from its WebJar in the
 * WAR), each under the strict policy, no inline script or style; every file it names, and every module those
 * import, is served. The browser stage (ConsoleBrowserIT) checks that it works.
 */
class ConsolePagesIT extends SharedServerTest {
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"");
    private static final Pattern STORAGE =
            Pattern.compile("(localStorage|sessionStorage|indexedDB)\\s*[.\\[]|document\\.cookie");
    private static final Pattern IMPORT = Pattern.compile("from \"(\\./[^\"]+)\"");

    @Test
    void theConsoleIsServedWithEveryFileItNamesUnderAStrictPolicy() {
        Reply page = get("/admin/");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertStrictPolicy(page);
        assertFalse(page.body().matches("(?s).*<script>.*"), "an inline script");
        assertFalse(page.body().contains("style="), "an inline style");
        assertFalse(page.body().contains("<style"), "an inline style sheet");

        Set<String> seen = new HashSet<>();
        Deque<String> toFetch = new ArrayDeque<>();
        Matcher references = REFERENCE.matcher(page.body());
        while (references.find()) {
            toFetch.add(references.group(1));
        }
        assertTrue(toFetch.contains("/webjars/chart.js/4.5.1/dist/chart.umd.js"), "the chart library from the WAR");
        while (!toFetch.isEmpty()) {
            String reference = toFetch.poll();
            if (!seen.add(reference)) {
                continue;
            }
            assertTrue(reference.startsWith("/"), () -> "a reference to another host: " + reference);
            Reply resource = get(reference);
            assertEquals(200, resource.status(), () -> "GET " + reference + ": " + resource.status());
            if (reference.endsWith(".js")) {
                assertTrue(resource.contentType().contains("javascript"), reference + ": " + resource.contentType());
                Matcher imports = IMPORT.matcher(resource.body());
                while (imports.find()) {
                    toFetch.add(reference.substring(0, reference.lastIndexOf('/'))
                            + imports.group(1).substring(1));
                }
            }
            if (reference.startsWith("/admin/")) {
                assertStrictPolicy(resource);
            }
        }
        assertTrue(seen.contains("/admin/js/users.js"), () -> "modules reached: " + seen);
    }

    @Test
    void theConsoleKeepsNoTokenInStorage() {
        for (String module : new String[] {"api", "main", "dom", "overview", "events", "users", "dialog"}) {
            String script = get("/admin/js/" + module + ".js").body();
            assertTrue(script.contains("export") || script.contains("import"), module + " is not served");
            assertFalse(STORAGE.matcher(script).find(), module + " uses web storage or cookies");
        }
    }

    private Reply get(String path) {
        return api.send("GET", path, null, null, null, Map.of());
    }

    private static void assertStrictPolicy(Reply reply) {
        String policy = reply.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("default-src 'self'"), () -> "policy: " + policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        assertEquals("DENY", reply.header("X-Frame-Options"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
    }
}
