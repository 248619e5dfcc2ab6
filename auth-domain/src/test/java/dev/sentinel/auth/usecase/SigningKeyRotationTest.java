package dev.sentinel.auth.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.KeyRotationUnavailableException;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.token.KeyRing;
import dev.sentinel.auth.token.NewKeyPair;
import dev.sentinel.auth.token.RotationPolicy;
import dev.sentinel.auth.token.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SigningKeyRotationTest {
    private static final RotationPolicy POLICY =
            new RotationPolicy(Duration.ofMinutes(5), Duration.ofMinutes(15), Optional.of(Duration.ofDays(30)));
    private static final ClientInfo CLIENT = new ClientInfo("203.0.113.9", "test");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final FakeAuthEventLog events = new FakeAuthEventLog(transactions);
    private final FakeSigningKeys keys = new FakeSigningKeys();
    private final Caller admin = new Caller(UUID.randomUUID(), UUID.randomUUID(), "admin@example.com");

    private SigningKeyRotation rotation(boolean keysFromFile) {
        return new SigningKeyRotation(keys, keys, POLICY, keysFromFile, transactions, events, clock);
    }

    @Test
    void anAdministratorsRotationPublishesNowSignsAfterTheLeadAndIsRecorded() {
        SigningKeyRotation rotation = rotation(false);
        rotation.ensureFirstKey();
        clock.advance(Duration.ofHours(1));

        SigningKey added = rotation.rotate(admin, CLIENT);

        assertEquals(2, added.generation());
        assertEquals(clock.instant(), added.publishesAt());
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), added.signsFrom());
        var recorded = events.ofType(AuthEventType.SIGNING_KEY_ROTATED);
        assertEquals(1, recorded.size());
        assertEquals(Outcome.SUCCESS, recorded.get(0).outcome());
        assertEquals(admin.userId(), recorded.get(0).userId());
        assertEquals("kid=" + added.kid(), recorded.get(0).reason());
    }

    @Test
    void withAKeyFileRotationIsRefusedAndRecorded() {
        SigningKeyRotation rotation = rotation(true);

        assertThrows(KeyRotationUnavailableException.class, () -> rotation.rotate(admin, CLIENT));
        assertEquals(
                Outcome.FAILURE,
                events.ofType(AuthEventType.SIGNING_KEY_ROTATED).get(0).outcome());
        assertTrue(keys.stored.isEmpty());
    }

    @Test
    void scheduledRotationHappensOnlyWhenDue() {
        SigningKeyRotation rotation = rotation(false);
        rotation.ensureFirstKey();

        clock.advance(Duration.ofDays(29));
        assertTrue(rotation.rotateIfDue().isEmpty());
        clock.advance(Duration.ofDays(1));
        assertEquals(2, rotation.rotateIfDue().orElseThrow().generation());
        assertTrue(rotation.rotateIfDue().isEmpty());
    }

    @Test
    void ofTwoInstancesRotatingAtOnceOnlyOneAddsAKey() {
        SigningKeyRotation rotation = rotation(false);
        rotation.ensureFirstKey();
        clock.advance(Duration.ofDays(30));
        // another instance read the same newest key and stores its successor first
        keys.add(
                new KeyRing(keys.all()).successor(new NewKeyPair("other", "RS256", "p", "q"), clock.instant(), POLICY));

        assertTrue(rotation.rotateIfDue().isEmpty());
        assertEquals(
                List.of(2, 1), keys.all().stream().map(SigningKey::generation).toList());
    }

    @Test
    void theFirstKeyIsStoredOnceAndSignsAtOnce() {
        SigningKeyRotation rotation = rotation(false);

        rotation.ensureFirstKey();
        rotation.ensureFirstKey();

        assertEquals(1, keys.stored.size());
        assertEquals(clock.instant(), keys.stored.get(0).signsFrom());
    }

    @Test
    void aNewStoreHasItsFirstKeyPairPreparedUnlessKeysComeFromAFile() {
        rotation(false).prepareFirstKey();
        assertEquals(1, keys.prepared);

        rotation(true).prepareFirstKey();
        assertEquals(1, keys.prepared);
    }
}
