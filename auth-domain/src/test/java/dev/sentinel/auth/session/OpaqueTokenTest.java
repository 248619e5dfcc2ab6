package dev.sentinel.auth.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OpaqueTokenTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void isFortyThreeUrlSafeCharacters() {
        OpaqueToken token = OpaqueToken.generate(random);

        assertEquals(43, token.value().length());
        assertTrue(token.value().matches("[A-Za-z0-9_-]{43}"), token.value());
    }

    @Test
    void carriesAtLeast256Bits() {
        OpaqueToken token = OpaqueToken.generate(random);

        assertTrue(Base64.getUrlDecoder().decode(token.value()).length * 8 >= 256);
    }

    @Test
    void twoTokensDiffer() {
        assertNotEquals(
                OpaqueToken.generate(random).value(),
                OpaqueToken.generate(random).value());
    }

    @Test
    void hashIsSixtyFourHexCharacters() {
        assertTrue(OpaqueToken.generate(random).hash().matches("[0-9a-f]{64}"));
    }

    @Test
    void hashIsDeterministic() {
        OpaqueToken token = OpaqueToken.generate(random);

        assertEquals(token.hash(), new OpaqueToken(token.value()).hash());
        assertEquals(token.hash(), OpaqueToken.hashOf(token.value()));
    }

    @Test
    void hashIsTheSha256OfTheValue() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", new OpaqueToken("abc").hash());
    }

    @Test
    void hashIsNotTheValue() {
        OpaqueToken token = OpaqueToken.generate(random);

        assertFalse(token.hash().contains(token.value()));
    }

    @Test
    void toStringHidesTheValue() {
        OpaqueToken token = OpaqueToken.generate(random);

        assertFalse(token.toString().contains(token.value()));
    }
}
