package dev.sentinel.auth.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SuccessorSealTest {
    private final SecureRandom random = new SecureRandom();
    private final OpaqueToken presented = OpaqueToken.generate(random);
    private final OpaqueToken successor = OpaqueToken.generate(random);

    @Test
    void openingWithThePresentedTokenReturnsTheSuccessor() {
        // given
        String sealed = SuccessorSeal.seal(presented.value(), successor, random);

        // when
        OpaqueToken opened = SuccessorSeal.open(presented.value(), sealed);

        // then
        assertEquals(successor.value(), opened.value());
    }

    @Test
    void openingWithAnotherTokenFails() {
        // given
        String sealed = SuccessorSeal.seal(presented.value(), successor, random);
        String other = OpaqueToken.generate(random).value();

        // when / then
        assertThrows(RuntimeException.class, () -> SuccessorSeal.open(other, sealed));
    }

    @Test
    void tamperedSealFailsToOpen() {
        // given
        String sealed = SuccessorSeal.seal(presented.value(), successor, random);
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);

        // when / then
        assertThrows(RuntimeException.class, () -> SuccessorSeal.open(presented.value(), tampered));
    }

    @Test
    void sealedTextDoesNotContainTheSuccessor() {
        String sealed = SuccessorSeal.seal(presented.value(), successor, random);

        assertFalse(sealed.contains(successor.value()));
        assertFalse(sealed.contains(successor.value().substring(0, 16)));
    }

    @Test
    void sealingTwiceUsesFreshNonces() {
        assertNotEquals(
                SuccessorSeal.seal(presented.value(), successor, random),
                SuccessorSeal.seal(presented.value(), successor, random));
    }
}
