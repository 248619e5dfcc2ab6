package dev.sentinel.auth.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238 appendix B's SHA-1 seed. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesAreTheLastSixDigitsOfTheRfc6238Sha1TestVectors() {
        assertEquals("287082", Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1111111109))));
        assertEquals("050471", Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1111111111))));
        assertEquals("005924", Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1234567890))));
        assertEquals("279037", Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(2000000000))));
        assertEquals("353130", Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(20000000000L))));
    }

    @Test
    void aCodeOfOneStepEitherSideIsAcceptedAndTwoStepsAwayIsNot() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.stepAt(now);

        assertEquals(OptionalLong.of(step - 1), Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 1), now));
        assertEquals(OptionalLong.of(step + 1), Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 1), now));
        assertTrue(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 2), now)
                .isEmpty());
        assertTrue(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 2), now)
                .isEmpty());
    }

    @Test
    void malformedCodesMatchNothing() {
        Instant now = Instant.ofEpochSecond(59);
        for (String code : new String[] {null, "", "28708", "2870820", "28708a", " 287082"}) {
            assertTrue(Totp.matchingStep(RFC_SECRET, code, now).isEmpty(), () -> "accepted " + code);
        }
    }

    @Test
    void base32FollowsRfc4648() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(RFC_SECRET));
        assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theOtpauthUriNamesIssuerAccountAndParameters() {
        TotpSecret secret = new TotpSecret(RFC_SECRET);

        String uri = secret.otpauthUri("Sentinel", "ann+1@example.com");

        assertEquals(
                "otpauth://totp/Sentinel:ann%2B1%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Sentinel&algorithm=SHA1&digits=6&period=30",
                uri);
    }

    @Test
    void recoveryCodesAreTenDistinctAndHashedWhateverTheirCaseAndDashes() {
        var codes = RecoveryCode.generate(new SecureRandom());
        var user = java.util.UUID.randomUUID();

        assertEquals(10, codes.stream().distinct().count());
        assertTrue(codes.stream().allMatch(code -> code.matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}")), codes::toString);
        String code = codes.get(0);
        assertEquals(
                RecoveryCode.hashOf(user, code),
                RecoveryCode.hashOf(user, code.toUpperCase().replace("-", " ")));
        assertTrue(!RecoveryCode.hashOf(user, code).equals(RecoveryCode.hashOf(java.util.UUID.randomUUID(), code)));
    }
}
