package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.Outcome;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.SessionGrant;
import java.time.Clock;

/** How a use case states its auth events: a change inside its transaction, a refusal on its way out. */
final class Audit {
    private final AuthEventLog log;
    private final Clock clock;

    Audit(AuthEventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    AuthEvent.Builder success(AuthEventType type, ClientInfo client) {
        return AuthEvent.of(type, Outcome.SUCCESS, clock.instant()).client(client);
    }

    AuthEvent.Builder failure(AuthEventType type, ClientInfo client) {
        return AuthEvent.of(type, Outcome.FAILURE, clock.instant()).client(client);
    }

    void changed(AuthEvent.Builder event) {
        log.recordChange(event.build());
    }

    /** A new or renewed session: the user, their address and the session name it. */
    void granted(AuthEventType type, SessionGrant grant, ClientInfo client) {
        changed(success(type, client)
                .user(grant.user().id())
                .email(grant.user().email().value())
                .session(grant.session().id()));
    }

    /** An attempt that changed nothing and is not refused to the caller (it must not tell, e.g. an unknown address). */
    void attempted(AuthEvent.Builder event) {
        log.recordAttempt(event.build());
    }

    /** Records the refusal with its reason and hands it back to be thrown. */
    AuthException refused(AuthEvent.Builder event, AuthException refusal) {
        log.recordAttempt(event.reason(refusal.reason()).build());
        return refusal;
    }
}
