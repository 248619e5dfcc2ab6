package dev.sentinel.auth.web.outbound.event;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * The domain's event log: the event of a change is written in the change's transaction and counted once that
 * commits; the event of an attempt is counted at once and queued for the background writer.
 */
@ApplicationScoped
public class AuthEventRecorder implements AuthEventLog {
    @Inject
    AuthEventRepository repository;

    @Inject
    AsyncAuthEventLog queue;

    @Inject
    AuthEventMetrics metrics;

    @Inject
    AuthEventLogLine logLine;

    @Inject
    Event<AuthEvent> written;

    @Override
    public void recordChange(AuthEvent event) {
        repository.appendToCurrentTransaction(event);
        written.fire(event);
    }

    @Override
    public void recordAttempt(AuthEvent event) {
        announce(event);
        queue.enqueue(event);
    }

    /** A rolled-back change did not happen: its event is neither counted nor logged. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuthEvent event) {
        announce(event);
    }

    private void announce(AuthEvent event) {
        metrics.count(event);
        logLine.write(event);
    }
}
