package dev.sentinel.auth.usecase;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;

import java.util.ArrayList;
import java.util.List;

final class FakeAuthEventLog implements AuthEventLog {
    final List<AuthEvent> events = new ArrayList<>();

    @Override
    public void record(AuthEvent event) {
        events.add(event);
    }

    List<AuthEvent> ofType(AuthEventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }
}
