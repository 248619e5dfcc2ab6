package dev.sentinel.auth.ratelimit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Failed-login counters by key, shared by every instance on the database. */
public interface LoginFailureStore {
    FailedLogins find(String key);

    /** The counters of {@code keys} that exist: one question for a page of users. */
    default Map<String, FailedLogins> findAll(Collection<String> keys) {
        return keys.stream()
                .distinct()
                .filter(key -> !find(key).isNone())
                .collect(Collectors.toMap(key -> key, this::find));
    }

    /**
     * In one transaction: locks the counters of {@code keys} (taken in the order given, so that concurrent
     * callers cannot deadlock), applies {@code change} to their states, stores what it returns, and returns
     * the states as they were before. No instance sees a state in between.
     */
    Map<String, FailedLogins> update(List<String> keys, UnaryOperator<Map<String, FailedLogins>> change);

    int purgeStale(Instant before);

    /** Removes the counter {@code key} and every counter whose key is {@code key} followed by '|'. */
    void clearFamily(String key);
}
