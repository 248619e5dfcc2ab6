package dev.sentinel.auth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRingTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration LEAD = Duration.ofMinutes(5);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    private static final RotationPolicy POLICY =
            new RotationPolicy(LEAD, TOKEN_LIFETIME, Optional.of(Duration.ofDays(30)));

    private static NewKeyPair pair(String kid) {
        return new NewKeyPair(kid, "RS256", "private-" + kid, "public-" + kid);
    }

    private static KeyRing firstKeyAt(Instant now) {
        return new KeyRing(List.of(new KeyRing(List.of()).successor(pair("k1"), now, POLICY)));
    }

    private static KeyRing rotated(KeyRing ring, String kid, Instant now) {
        List<SigningKey> keys = new java.util.ArrayList<>(ring.keys());
        keys.add(ring.successor(pair(kid), now, POLICY));
        return new KeyRing(keys);
    }

    private static List<String> kids(List<SigningKey> keys) {
        return keys.stream().map(SigningKey::kid).toList();
    }

    @Test
    void theFirstKeySignsAtOnce() {
        KeyRing ring = firstKeyAt(T0);

        assertEquals("k1", ring.signingAt(T0).kid());
        assertEquals(List.of("k1"), kids(ring.publishedAt(T0, POLICY)));
    }

    @Test
    void aRotatedKeyIsPublishedAtOnceAndSignsOnlyAfterThePublicationLead() {
        Instant rotation = T0.plus(Duration.ofDays(1));
        KeyRing ring = rotated(firstKeyAt(T0), "k2", rotation);

        assertEquals(List.of("k2", "k1"), kids(ring.publishedAt(rotation, POLICY)));
        assertEquals("k1", ring.signingAt(rotation.plus(LEAD).minusMillis(1)).kid());
        assertEquals("k2", ring.signingAt(rotation.plus(LEAD)).kid());
    }

    @Test
    void theOldKeyStaysPublishedUntilItsLastTokenHasExpiredThenRetires() {
        Instant rotation = T0.plus(Duration.ofDays(1));
        KeyRing ring = rotated(firstKeyAt(T0), "k2", rotation);
        Instant stoppedSigning = rotation.plus(LEAD);

        assertEquals(
                List.of("k2", "k1"),
                kids(ring.publishedAt(stoppedSigning.plus(TOKEN_LIFETIME).minusMillis(1), POLICY)));
        assertEquals(List.of("k2"), kids(ring.publishedAt(stoppedSigning.plus(TOKEN_LIFETIME), POLICY)));
        assertEquals(List.of("k1"), kids(ring.retiredAt(stoppedSigning.plus(TOKEN_LIFETIME), POLICY)));
    }

    @Test
    void aKeyPublishedBeforeItsPredecessorSignedSignsInBetweenAndRetiresAfterItsSuccessorStarts() {
        Instant first = T0.plus(Duration.ofDays(1));
        KeyRing ring = rotated(rotated(firstKeyAt(T0), "k2", first), "k3", first.plus(Duration.ofMinutes(1)));

        assertEquals("k2", ring.signingAt(first.plus(LEAD)).kid());
        Instant k3Signs = first.plus(Duration.ofMinutes(1)).plus(LEAD);
        assertEquals("k3", ring.signingAt(k3Signs).kid());
        assertEquals(List.of("k3", "k2", "k1"), kids(ring.publishedAt(k3Signs, POLICY)));
        assertEquals(List.of("k3"), kids(ring.publishedAt(k3Signs.plus(TOKEN_LIFETIME), POLICY)));
    }

    @Test
    void rotationIsDueOnceTheNewestKeyIsOlderThanThePeriod() {
        KeyRing ring = firstKeyAt(T0);

        assertFalse(ring.rotationDue(T0.plus(Duration.ofDays(30)).minusMillis(1), POLICY));
        assertTrue(ring.rotationDue(T0.plus(Duration.ofDays(30)), POLICY));
        assertFalse(ring.rotationDue(
                T0.plus(Duration.ofDays(365)), new RotationPolicy(LEAD, TOKEN_LIFETIME, Optional.empty())));
    }

    @Test
    void successorsTakeTheNextGeneration() {
        KeyRing ring = rotated(firstKeyAt(T0), "k2", T0.plus(Duration.ofDays(1)));

        assertEquals(
                List.of(2, 1), ring.keys().stream().map(SigningKey::generation).toList());
    }
}
