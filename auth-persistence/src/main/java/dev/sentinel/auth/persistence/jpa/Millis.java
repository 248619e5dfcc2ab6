package dev.sentinel.auth.persistence.jpa;

import java.time.Instant;

/** Nullable instants as the epoch milliseconds the schema stores. */
final class Millis {
    private Millis() {}

    static Long of(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant toInstant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
