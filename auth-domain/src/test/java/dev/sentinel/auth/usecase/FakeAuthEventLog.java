package dev.sentinel.auth.usecase;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import java.util.ArrayList;
import java.util.List;

/** Refuses the event of a change outside a transaction, as the JPA adapter does. */
final class FakeAuthEventLog implements AuthEventLog {
    final List<AuthEvent> events = new ArrayList<>();
    private final FakeTransactions transactions;

    FakeAuthEventLog(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void recordChange(AuthEvent event) {
        if (!transactions.active()) {
            throw new IllegalStateException("the event of a change outside its transaction: " + event);
        }
        events.add(event);
    }

    @Override
    public void recordAttempt(AuthEvent event) {
        events.add(event);
    }

    List<AuthEvent> ofType(AuthEventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }
}
