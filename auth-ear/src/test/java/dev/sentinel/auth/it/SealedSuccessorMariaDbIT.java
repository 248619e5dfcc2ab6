package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * As a user whose old refresh token leaks together with a copy of the database, I want neither to lead to my
 * live token: a rotated token's sealed successor is erased once the reuse window is over, and while it exists
 * it cannot be opened with the rotated token alone (issue 12, item 8). Reads the stored rows, so MariaDB only.
 */
class SealedSuccessorMariaDbIT extends SharedServerTest {
    private static final long DEADLINE_NANOS = 30_000_000_000L;

    @Test
    void theSealIsErasedOnceTheReuseWindowIsOver() throws Exception {
        // given a rotated token whose replay within the window gets the same successor
        Accounts.Session session = Accounts.signUp(api);
        Reply rotated = api.refresh(session.refreshToken());
        assertEquals(200, rotated.status(), rotated::toString);
        Reply replay = api.refresh(session.refreshToken());
        assertEquals(200, replay.status(), replay::toString);
        assertEquals(rotated.json().getString("refresh_token"), replay.json().getString("refresh_token"));

        // then, once the window is over, its row keeps no sealed successor
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (storedSeal(session.refreshToken()) != null) {
            if (System.nanoTime() > deadline) {
                fail("the sealed successor is still stored 30 s after the rotation (window "
                        + TestEnvironment.REUSE_WINDOW_SECONDS + " s)");
            }
            Pause.millis(200);
        }
    }

    @Test
    void theRotatedTokenAndTheStoredSealAloneDoNotOpenIt() throws Exception {
        // given a rotated token and its seal as a copy of the database shows it, within the window
        Accounts.Session session = Accounts.signUp(api);
        Reply rotated = api.refresh(session.refreshToken());
        assertEquals(200, rotated.status(), rotated::toString);
        String seal = storedSeal(session.refreshToken());
        assertNotNull(seal, "no sealed successor stored right after the rotation");

        // when someone who knows the algorithm derives the key from the token alone, then it does not open
        assertThrows(GeneralSecurityException.class, () -> openWithTheTokenAlone(session.refreshToken(), seal));
    }

    /** The seal of refresh_tokens as stored: nonce (12 bytes) then AES-256-GCM output, base64. */
    private static String openWithTheTokenAlone(String token, String seal) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        byte[] key = mac.doFinal("refresh-token-successor".getBytes(StandardCharsets.US_ASCII));
        byte[] all = Base64.getDecoder().decode(seal);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, Arrays.copyOf(all, 12)));
        return new String(cipher.doFinal(Arrays.copyOfRange(all, 12, all.length)), StandardCharsets.US_ASCII);
    }

    private static String storedSeal(String refreshToken) throws Exception {
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
        try (Connection db = TestEnvironment.connectToMariaDb(TestEnvironment.sharedDatabaseName());
                PreparedStatement query =
                        db.prepareStatement("SELECT sealed_successor FROM refresh_tokens WHERE token_hash = ?")) {
            query.setString(1, hash);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no row for the rotated token");
                }
                return row.getString(1);
            }
        }
    }
}
