package dev.sentinel.auth.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuccessorSealTest {
    private final SecureRandom random = new SecureRandom();
    private final OpaqueToken presented = OpaqueToken.generate(random);
    private final OpaqueToken successor = OpaqueToken.generate(random);
    private final byte[] serverSecret = secret();
    private final SuccessorSeal seal = new SuccessorSeal(() -> List.of(serverSecret));

    private byte[] secret() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return secret;
    }

    @Test
    void openingWithThePresentedTokenReturnsTheSuccessor() {
        // given
        String sealed = seal.seal(presented.value(), successor, random);

        // when
        OpaqueToken opened = seal.open(presented.value(), sealed).orElseThrow();

        // then
        assertEquals(successor.value(), opened.value());
    }

    @Test
    void openingWithAnotherTokenFails() {
        // given
        String sealed = seal.seal(presented.value(), successor, random);
        String other = OpaqueToken.generate(random).value();

        // when / then
        assertTrue(seal.open(other, sealed).isEmpty());
    }

    @Test
    void tamperedSealFailsToOpen() {
        // given
        String sealed = seal.seal(presented.value(), successor, random);
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);

        // when / then
        assertTrue(seal.open(presented.value(), tampered).isEmpty());
    }

    @Test
    void thePresentedTokenWithoutTheServerSecretDoesNotOpenIt() {
        // given a seal as a copy of the database shows it, and the rotated token it was sealed for
        String sealed = seal.seal(presented.value(), successor, random);

        // when someone without this server's secret tries to open it
        SuccessorSeal withoutTheSecret = new SuccessorSeal(() -> List.of(secret()));

        // then the token alone gives nothing
        assertTrue(withoutTheSecret.open(presented.value(), sealed).isEmpty());
    }

    @Test
    void aSealMadeBeforeTheSecretChangedStillOpensWhileTheOldSecretIsKept() {
        // given a seal made under the secret of the key that signed then
        String sealed = seal.seal(presented.value(), successor, random);

        // when a new key signs and the old one is still published
        SuccessorSeal afterRotation = new SuccessorSeal(() -> List.of(secret(), serverSecret));

        // then the seal opens, and a new seal is made under the new secret only
        assertEquals(
                successor.value(),
                afterRotation.open(presented.value(), sealed).orElseThrow().value());
        String resealed = afterRotation.seal(presented.value(), successor, random);
        assertTrue(seal.open(presented.value(), resealed).isEmpty());
    }

    @Test
    void anErasedSealOpensToNothing() {
        assertTrue(seal.open(presented.value(), null).isEmpty());
    }

    @Test
    void sealedTextDoesNotContainTheSuccessor() {
        String sealed = seal.seal(presented.value(), successor, random);

        assertFalse(sealed.contains(successor.value()));
        assertFalse(sealed.contains(successor.value().substring(0, 16)));
    }

    @Test
    void sealingTwiceUsesFreshNonces() {
        assertNotEquals(
                seal.seal(presented.value(), successor, random), seal.seal(presented.value(), successor, random));
    }
}
