package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pages that mailed links open: served by the service, self-contained, under a strict policy. */
class AccountPagesIT extends SharedServerTest {
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href|action)=\"([^\"]*)\"");

    @ParameterizedTest
    @CsvSource({
        "/account/verify-email, /api/auth/email-verification/confirm",
        "/account/reset-password, /api/auth/password-reset/confirm"
    })
    void aPageIsServedWithItsScriptAndNothingFromAnotherHost(String path, String endpoint) {
        // when
        Reply page = api.send("GET", path, null, null, null, Map.of("Accept", "text/html"));

        // then it is HTML under a policy that allows this host only, and no inline script
        assertEquals(200, page.status(), () -> "GET " + path + ": " + page);
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("default-src 'self'"), () -> "policy: " + policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertFalse(page.body().contains("<script>"), "an inline script");
        assertFalse(page.body().contains("style="), "an inline style");
        Matcher references = REFERENCE.matcher(page.body());
        int count = 0;
        while (references.find()) {
            String reference = references.group(1);
            assertTrue(reference.startsWith("/"), () -> "a reference to another host: " + reference);
            Reply resource = api.send("GET", reference, null, null, null, Map.of());
            assertEquals(200, resource.status(), () -> "GET " + reference + ": " + resource);
            count++;
        }
        assertTrue(count >= 2, "the page names no script and no style sheet");
        // and the form names the confirm endpoint the script posts the token to, read from the fragment
        assertTrue(page.body().contains("data-endpoint=\"" + endpoint + "\""), page.body());
        Reply script = api.send("GET", "/account/account.js", null, null, null, Map.of());
        assertTrue(script.contentType().contains("javascript"), script.contentType());
        assertTrue(script.body().contains("window.location.hash"), "the script does not read the fragment");
        assertTrue(script.body().contains("fetch("), "the script calls no endpoint");
    }
}
