package dev.sentinel.auth.web.outbound.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventQuery;
import dev.sentinel.auth.event.AuthEventRepository;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.EventCount;
import dev.sentinel.auth.event.EventStatsQuery;
import dev.sentinel.auth.event.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncAuthEventLogTest {
    private final Database database = new Database();
    private final AsyncAuthEventLog log = new AsyncAuthEventLog();

    @BeforeEach
    void wire() {
        log.repository = database;
        log.store = () -> database.up;
    }

    @Test
    void anEventTheDatabaseRefusesDoesNotHoldBackTheOthers() {
        database.refused.add("refused@example.com");
        record("before@example.com", "refused@example.com", "after@example.com");

        log.flush();
        record("later@example.com");
        log.flush();

        assertEquals(List.of("before@example.com", "after@example.com", "later@example.com"), database.emails);
    }

    @Test
    void whileTheDatabaseIsDownEventsWaitAndAreWrittenWhenItIsBack() {
        database.up = false;
        record("a@example.com", "b@example.com");

        log.flush();
        assertEquals(List.of(), database.emails);
        database.up = true;
        log.flush();

        assertEquals(List.of("a@example.com", "b@example.com"), database.emails);
    }

    private void record(String... emails) {
        for (String email : emails) {
            log.enqueue(AuthEvent.of(AuthEventType.LOGIN, Outcome.FAILURE, Instant.EPOCH)
                    .email(email)
                    .build());
        }
    }

    /** Stores a batch whole or not at all, like a transaction; refuses any batch holding a refused email. */
    private static final class Database implements AuthEventRepository {
        final List<String> emails = new ArrayList<>();
        final Set<String> refused = new HashSet<>();
        boolean up = true;

        @Override
        public void appendAll(List<AuthEvent> events) {
            if (!up || events.stream().anyMatch(event -> refused.contains(event.email()))) {
                throw new IllegalStateException("refused");
            }
            events.forEach(event -> emails.add(event.email()));
        }

        @Override
        public void appendToCurrentTransaction(AuthEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuthEvent> search(AuthEventQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<EventCount> count(EventStatsQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int purgeBefore(Instant before) {
            throw new UnsupportedOperationException();
        }
    }
}
