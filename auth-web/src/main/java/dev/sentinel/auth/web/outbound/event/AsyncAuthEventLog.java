package dev.sentinel.auth.web.outbound.event;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventRepository;
import dev.sentinel.auth.usecase.StoreStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the events of attempts off the request path: a request only enqueues, a background job writes batches. A write that fails while the database is down keeps its batch and retries; one that fails
 * while the database answers is retried event by event, so that one event the database refuses (a value
 * its character set cannot hold, say) cannot stop the trail. An event that cannot be queued or stored is
 * written to the log instead, so none is lost silently.
 */
@ApplicationScoped
public class AsyncAuthEventLog {
    private static final Logger LOG = Logger.getLogger(AsyncAuthEventLog.class.getName());
    private static final int CAPACITY = 20_000;
    private static final int BATCH = 500;

    private final BlockingQueue<AuthEvent> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final List<AuthEvent> unwritten = new ArrayList<>();

    @Inject
    AuthEventRepository repository;

    @Inject
    StoreStatus store;

    void enqueue(AuthEvent event) {
        if (!queue.offer(event)) {
            LOG.warning("auth event queue full, event not stored: " + AuthEventLogLine.json(event));
        }
    }

    /** Writes what is queued; called by one scheduled job at a time, and at shutdown. */
    public synchronized void flush() {
        do {
            if (unwritten.isEmpty()) {
                queue.drainTo(unwritten, BATCH);
            }
            if (unwritten.isEmpty()) {
                return;
            }
            try {
                repository.appendAll(List.copyOf(unwritten));
                unwritten.clear();
            } catch (RuntimeException e) {
                if (!store.isReachable() || !writeOneByOne()) {
                    LOG.log(
                            Level.WARNING,
                            "auth events not written yet, will retry: "
                                    + e.getClass().getName());
                    return;
                }
            }
        } while (!queue.isEmpty());
    }

    /** Whether all were stored or dropped to the log: false when the database stopped answering meanwhile. */
    private boolean writeOneByOne() {
        for (Iterator<AuthEvent> events = unwritten.iterator(); events.hasNext(); ) {
            AuthEvent event = events.next();
            try {
                repository.appendAll(List.of(event));
            } catch (RuntimeException refused) {
                if (!store.isReachable()) {
                    return false;
                }
                LOG.warning("auth event refused by the database, not stored ("
                        + refused.getClass().getName() + "): " + AuthEventLogLine.json(event));
            }
            events.remove();
        }
        return true;
    }

    @PreDestroy
    void drain() {
        flush();
        if (!unwritten.isEmpty() || !queue.isEmpty()) {
            unwritten.addAll(queue);
            unwritten.forEach(
                    event -> LOG.warning("auth event not stored at shutdown: " + AuthEventLogLine.json(event)));
        }
    }
}
