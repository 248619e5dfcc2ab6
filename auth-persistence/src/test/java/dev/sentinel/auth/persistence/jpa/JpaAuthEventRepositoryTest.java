package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventQuery;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.EventCount;
import dev.sentinel.auth.event.EventCursor;
import dev.sentinel.auth.event.EventStatsQuery;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.event.StatsBucket;
import dev.sentinel.auth.session.ClientInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaAuthEventRepositoryTest extends JpaTestSupport {
    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00.123Z");
    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final int ANY = AuthEventQuery.MAX_LIMIT;

    private JpaAuthEventRepository events;
    /** What was appended, with the ids the database gave, newest first. */
    private List<AuthEvent> stored;

    @BeforeEach
    void appendEvents() {
        events = new JpaAuthEventRepository(em);
        UUID session = UUID.randomUUID();
        List<AuthEvent> appended = List.of(
                AuthEvent.of(AuthEventType.SIGNUP, Outcome.SUCCESS, T0)
                        .user(ALICE)
                        .email("alice@example.com")
                        .client(new ClientInfo("203.0.113.7", "JUnit"))
                        .build(),
                AuthEvent.of(AuthEventType.LOGIN, Outcome.FAILURE, T0.plusSeconds(1))
                        .email("alice@example.com")
                        .reason("invalid_credentials")
                        .build(),
                AuthEvent.of(AuthEventType.LOGIN, Outcome.SUCCESS, T0.plusSeconds(2))
                        .user(ALICE)
                        .email("alice@example.com")
                        .session(session)
                        .build(),
                // three at the same millisecond: the id breaks the tie
                AuthEvent.of(AuthEventType.SIGNUP, Outcome.SUCCESS, T0.plusSeconds(3))
                        .user(BOB)
                        .email("bob@example.com")
                        .build(),
                AuthEvent.of(AuthEventType.LOGIN, Outcome.SUCCESS, T0.plusSeconds(3))
                        .user(BOB)
                        .email("bob@example.com")
                        .build(),
                AuthEvent.of(AuthEventType.TOKEN_REFRESH, Outcome.SUCCESS, T0.plusSeconds(3))
                        .user(ALICE)
                        .session(session)
                        .build(),
                AuthEvent.of(AuthEventType.LOGOUT, Outcome.SUCCESS, T0.plusSeconds(4))
                        .user(ALICE)
                        .session(session)
                        .build());
        tx.run(() -> events.appendAll(appended));
        stored = search(null, null, null, null, null, ANY, null);
        assertEquals(appended.size(), stored.size());
        stored.forEach(event -> assertNotNull(event.id()));
        // every field survives the round trip (the ids EclipseLink's unit of work hands out within one commit
        // need not follow the order of the list, so events are compared without them)
        assertEquals(
                Set.copyOf(appended),
                stored.stream().map(JpaAuthEventRepositoryTest::withoutId).collect(Collectors.toSet()));
    }

    private static AuthEvent withoutId(AuthEvent e) {
        return new AuthEvent(
                null,
                e.type(),
                e.outcome(),
                e.userId(),
                e.email(),
                e.ip(),
                e.userAgent(),
                e.sessionId(),
                e.reason(),
                e.occurredAt());
    }

    private List<AuthEvent> search(
            AuthEventType type, UUID user, String email, Instant since, Instant until, int limit, EventCursor cursor) {
        return tx.get(() -> events.search(new AuthEventQuery(type, user, email, since, until, limit, cursor)));
    }

    private List<AuthEvent> storedWhere(Predicate<AuthEvent> filter) {
        return stored.stream().filter(filter).toList();
    }

    @Test
    void resultsAreNewestFirstWithIdsDescendingWithinOneInstant() {
        Comparator<AuthEvent> newestFirst = Comparator.comparing(AuthEvent::occurredAt)
                .thenComparing(AuthEvent::id)
                .reversed();
        assertEquals(stored.stream().sorted(newestFirst).toList(), stored);
        assertEquals(AuthEventType.LOGOUT, stored.get(0).type());
        assertEquals(T0, stored.get(stored.size() - 1).occurredAt());
        assertEquals(
                stored.get(stored.size() - 1),
                search(AuthEventType.SIGNUP, ALICE, null, null, null, ANY, null).get(0));
    }

    @Test
    void filtersByType() {
        List<AuthEvent> logins = search(AuthEventType.LOGIN, null, null, null, null, ANY, null);
        assertEquals(3, logins.size());
        assertEquals(storedWhere(e -> e.type() == AuthEventType.LOGIN), logins);
    }

    @Test
    void filtersByUserId() {
        List<AuthEvent> bobs = search(null, BOB, null, null, null, ANY, null);
        assertEquals(2, bobs.size());
        assertEquals(storedWhere(e -> BOB.equals(e.userId())), bobs);
        assertEquals(List.of(), search(null, UUID.randomUUID(), null, null, null, ANY, null));
    }

    @Test
    void filtersByEmail() {
        List<AuthEvent> alices = search(null, null, "alice@example.com", null, null, ANY, null);
        assertEquals(3, alices.size(), "includes the failed login, which has no user id");
        assertEquals(storedWhere(e -> "alice@example.com".equals(e.email())), alices);
    }

    @Test
    void sinceIsInclusiveAndUntilExclusive() {
        assertEquals(
                storedWhere(e -> !e.occurredAt().isBefore(T0.plusSeconds(3))),
                search(null, null, null, T0.plusSeconds(3), null, ANY, null));
        assertEquals(
                4, search(null, null, null, T0.plusSeconds(3), null, ANY, null).size());
        assertEquals(
                storedWhere(e -> e.occurredAt().isBefore(T0.plusSeconds(3))),
                search(null, null, null, null, T0.plusSeconds(3), ANY, null));
        assertEquals(
                3, search(null, null, null, null, T0.plusSeconds(3), ANY, null).size());
        assertEquals(
                storedWhere(e -> e.occurredAt().equals(T0.plusSeconds(1))),
                search(null, null, null, T0.plusSeconds(1), T0.plusSeconds(2), ANY, null));
    }

    @Test
    void filtersCombine() {
        List<AuthEvent> found =
                search(AuthEventType.LOGIN, ALICE, "alice@example.com", T0, T0.plusSeconds(10), ANY, null);
        assertEquals(1, found.size());
        assertEquals(Outcome.SUCCESS, found.get(0).outcome());
    }

    @Test
    void limitKeepsTheNewest() {
        assertEquals(stored.subList(0, 2), search(null, null, null, null, null, 2, null));
        assertEquals(stored.subList(0, 1), search(null, null, null, null, null, 1, null));
    }

    @Test
    void cursorPagesThroughEverythingWithoutOverlapOrGap() {
        List<AuthEvent> all = new ArrayList<>();
        List<List<AuthEvent>> pages = new ArrayList<>();
        EventCursor cursor = null;
        while (true) {
            List<AuthEvent> page = search(null, null, null, null, null, 2, cursor);
            if (page.isEmpty()) {
                break;
            }
            pages.add(page);
            all.addAll(page);
            cursor = EventCursor.decode(
                    EventCursor.after(page.get(page.size() - 1)).encode());
            assertTrue(pages.size() <= stored.size(), "paging ends");
        }
        assertEquals(List.of(2, 2, 2, 1), pages.stream().map(List::size).toList());
        assertEquals(stored, all);
        assertEquals(all.size(), new HashSet<>(all).size());
    }

    @Test
    void cursorPagingSplitsEventsOfTheSameMillisecond() {
        List<AuthEvent> first = search(null, null, null, null, null, 2, null);
        // the second event of the page is the first of three at T0+3s: the next page starts inside that instant
        assertEquals(T0.plusSeconds(3), first.get(1).occurredAt());
        List<AuthEvent> second = search(null, null, null, null, null, 2, EventCursor.after(first.get(1)));
        assertEquals(stored.subList(2, 4), second);
        assertEquals(T0.plusSeconds(3), second.get(0).occurredAt());
    }

    @Test
    void cursorCombinesWithFilters() {
        List<AuthEvent> first = search(null, ALICE, null, null, null, 2, null);
        List<AuthEvent> rest = search(null, ALICE, null, null, null, ANY, EventCursor.after(first.get(1)));
        List<AuthEvent> all = new ArrayList<>(first);
        all.addAll(rest);
        assertEquals(storedWhere(e -> ALICE.equals(e.userId())), all);
        assertEquals(2, rest.size());
    }

    @Test
    void purgeBeforeDeletesOlderEventsOnly() {
        assertEquals(2, tx.get(() -> events.purgeBefore(T0.plusSeconds(2))));

        assertEquals(
                storedWhere(e -> !e.occurredAt().isBefore(T0.plusSeconds(2))),
                search(null, null, null, null, null, ANY, null));
        assertEquals(0, tx.get(() -> events.purgeBefore(T0.plusSeconds(2))));
    }

    @Test
    void countsGroupEventsByBucketTypeAndOutcome() {
        Instant minute = Instant.parse("2030-01-01T10:00:00Z");
        EventStatsQuery untilTheSecondSecond = new EventStatsQuery(StatsBucket.MINUTE, T0, T0.plusSeconds(3));

        assertEquals(
                Set.of(
                        new EventCount(minute, AuthEventType.SIGNUP, Outcome.SUCCESS, 1),
                        new EventCount(minute, AuthEventType.LOGIN, Outcome.FAILURE, 1),
                        new EventCount(minute, AuthEventType.LOGIN, Outcome.SUCCESS, 1)),
                Set.copyOf(events.count(untilTheSecondSecond)));
        assertEquals(
                Set.of(
                        new EventCount(minute.minusSeconds(36000), AuthEventType.SIGNUP, Outcome.SUCCESS, 2),
                        new EventCount(minute.minusSeconds(36000), AuthEventType.LOGIN, Outcome.FAILURE, 1),
                        new EventCount(minute.minusSeconds(36000), AuthEventType.LOGIN, Outcome.SUCCESS, 2),
                        new EventCount(minute.minusSeconds(36000), AuthEventType.TOKEN_REFRESH, Outcome.SUCCESS, 1),
                        new EventCount(minute.minusSeconds(36000), AuthEventType.LOGOUT, Outcome.SUCCESS, 1)),
                Set.copyOf(events.count(new EventStatsQuery(StatsBucket.DAY, T0, T0.plusSeconds(3600)))));
        assertEquals(
                List.of(),
                events.count(new EventStatsQuery(StatsBucket.HOUR, T0.plusSeconds(3600), T0.plusSeconds(7200))));
    }
}
