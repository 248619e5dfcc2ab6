package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.ForgedTokens;
import dev.sentinel.auth.it.support.ProblemAssertions;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.SigningKeysClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * As an operator who brings the signing key (AUTH_SIGNING_KEY_FILE, as the shared server does), I want that key
 * alone to sign and be published, and a rotation request refused: the file is mine to replace.
 */
class SigningKeyFileIT extends SharedServerTest {
    @Test
    void onlyTheFilesKeyIsPublishedAndSigns() throws Exception {
        String fileKid = ForgedTokens.serverKid(api);

        String token = Accounts.signUp(api).accessToken();

        assertEquals(List.of(fileKid), SigningKeysClient.publishedKids(api));
        assertEquals(fileKid, SigningKeysClient.kidOf(token));
        assertEquals("RS256", SigningKeysClient.headerOf(token).getString("alg"));
    }

    @Test
    void rotationIsRefusedWithAConflict() throws Exception {
        String fileKid = ForgedTokens.serverKid(api);

        Reply reply = api.post(SigningKeysClient.ROTATE, null, SigningKeysClient.adminToken(api));

        assertEquals(
                "urn:sentinel:problem:key-rotation-unavailable",
                ProblemAssertions.assertProblem(reply, 409).getString("type"));
        assertEquals(List.of(fileKid), SigningKeysClient.publishedKids(api));
    }
}
