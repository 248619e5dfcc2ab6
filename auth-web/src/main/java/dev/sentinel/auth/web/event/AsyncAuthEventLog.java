package dev.sentinel.auth.web.event;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records events off the request path: a request only enqueues (and counts the metric), a background job
 * writes batches. A failed write keeps its batch and retries; an event that cannot be queued or kept is
 * written to the log instead, so none is lost silently.
 */
@ApplicationScoped
public class AsyncAuthEventLog implements AuthEventLog {
    private static final Logger LOG = Logger.getLogger(AsyncAuthEventLog.class.getName());
    private static final int CAPACITY = 20_000;
    private static final int BATCH = 500;

    private final BlockingQueue<AuthEvent> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final List<AuthEvent> unwritten = new ArrayList<>();

    @Inject
    AuthEventRepository repository;
    @Inject
    AuthEventMetrics metrics;
    @Inject
    AuthEventLogLine logLine;

    @Override
    public void record(AuthEvent event) {
        metrics.count(event);
        logLine.write(event);
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
                LOG.log(Level.WARNING, "auth events not written yet, will retry: " + e.getClass().getName());
                return;
            }
        } while (!queue.isEmpty());
    }

    @PreDestroy
    void drain() {
        flush();
        if (!unwritten.isEmpty() || !queue.isEmpty()) {
            unwritten.addAll(queue);
            unwritten.forEach(event ->
                    LOG.warning("auth event not stored at shutdown: " + AuthEventLogLine.json(event)));
        }
    }
}
