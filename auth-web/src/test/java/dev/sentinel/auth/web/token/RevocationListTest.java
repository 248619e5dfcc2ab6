package dev.sentinel.auth.web.token;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.StoreUnavailableException;
import dev.sentinel.auth.session.RefreshToken;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.web.config.SessionSettings;
import dev.sentinel.auth.web.config.TokenSettings;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevocationListTest {
    private static final Duration POLL = Duration.ofMillis(250);

    private final MovingClock clock = new MovingClock();
    private final FeedOfRevocations feed = new FeedOfRevocations();
    private final RevocationList list = revocationList();

    @Test
    void freshWhilePollsSucceed() {
        list.loadInitial();
        for (int i = 0; i < 20; i++) {
            clock.advance(POLL);
            list.poll();
            assertTrue(list.isFresh());
        }
    }

    @Test
    void staleOnceFivePollIntervalsPassWithoutASuccessfulReadAndFreshAgainAfterOne() {
        list.loadInitial();
        feed.down = true;
        for (int i = 0; i < RevocationList.STALE_AFTER_POLLS; i++) {
            clock.advance(POLL);
            assertThrows(StoreUnavailableException.class, list::poll);
            assertTrue(list.isFresh(), "stale too early, after " + (i + 1) + " failed polls");
        }
        clock.advance(Duration.ofMillis(1));

        assertFalse(list.isFresh());
        assertThrows(RevocationsStaleException.class, list::requireFresh);

        feed.down = false;
        list.poll();
        assertTrue(list.isFresh());
        assertDoesNotThrow(list::requireFresh);
    }

    @Test
    void aRevocationMadeElsewhereDuringTheOutageIsReadOnceThePollWorksAgain() {
        list.loadInitial();
        feed.down = true;
        clock.advance(Duration.ofMinutes(2)); // longer than the lookback of each read
        UUID revokedElsewhere = UUID.randomUUID();
        feed.revoked = List.of(revokedElsewhere);
        feed.revokedAt = clock.instant().minusSeconds(60);

        assertThrows(StoreUnavailableException.class, list::poll);
        feed.down = false;
        list.poll();

        assertTrue(list.isRevoked(revokedElsewhere));
    }

    private RevocationList revocationList() {
        RevocationList revocations = new RevocationList();
        revocations.sessions = feed;
        revocations.clock = clock;
        revocations.settings = new TokenSettings() {
            @Override
            public Duration accessTokenTtl() {
                return Duration.ofMinutes(15);
            }
        };
        revocations.sessionSettings = new SessionSettings() {
            @Override
            public Duration revocationPollInterval() {
                return POLL;
            }
        };
        return revocations;
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Only the feed of revocations; a down database fails the read as the persistence adapter would. */
    private static final class FeedOfRevocations implements SessionRepository {
        boolean down;
        List<UUID> revoked = List.of();
        Instant revokedAt = Instant.EPOCH;

        @Override
        public List<UUID> revokedSince(Instant since) {
            if (down) {
                throw new StoreUnavailableException(new SQLException("connection refused", "08001"));
            }
            return revokedAt.isBefore(since) ? List.of() : revoked;
        }

        @Override
        public void open(Session session, RefreshToken firstToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Session> findSession(UUID sessionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<RefreshToken> lockToken(String tokenHash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void rotate(RefreshToken rotated, RefreshToken successor, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void updateCredentialVersion(UUID sessionId, int credentialVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<UUID> revokeAllOf(UUID userId, UUID keep, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean revoke(UUID userId, UUID sessionId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Session> liveSessionsOf(UUID userId, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int eraseSealedSuccessors(Instant rotatedFrom, Instant rotatedBefore) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int purgeEnded(Instant endedBefore, Instant idleBefore) {
            throw new UnsupportedOperationException();
        }
    }
}
