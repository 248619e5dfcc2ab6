package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.ratelimit.FailedLogins;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One lockout counter: an email and client, an email, or a client (docs/api.md "Rate limits and lockout"). */
@Entity
@Table(name = "login_failures")
class LoginFailureEntity {
    @Id
    @Column(name = "email_key")
    String emailKey;

    int failures;

    @Column(name = "window_start")
    Long windowStart;

    @Column(name = "locked_until")
    Long lockedUntil;

    @Column(name = "updated_at")
    long updatedAt;

    FailedLogins toFailedLogins() {
        return new FailedLogins(failures, Millis.toInstant(windowStart), Millis.toInstant(lockedUntil));
    }

    /** Changes go through the entity's own methods: EclipseLink's weaving tracks only those. */
    void record(FailedLogins state, long now) {
        failures = state.count();
        windowStart = Millis.of(state.windowStart());
        lockedUntil = Millis.of(state.lockedUntil());
        updatedAt = now;
    }
}
