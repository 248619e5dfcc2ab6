package dev.sentinel.auth.event;

import java.util.List;

/** One page of the audit trail; {@code next} is null on the last page. */
public record EventPage(List<AuthEvent> items, EventCursor next) {}
