package dev.sentinel.auth.usecase;

import dev.sentinel.auth.ratelimit.FailedLogins;
import dev.sentinel.auth.ratelimit.LoginFailureStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

final class FakeLoginFailureStore implements LoginFailureStore {
    private final Map<String, FailedLogins> byKey = new HashMap<>();

    @Override
    public synchronized FailedLogins find(String key) {
        return byKey.getOrDefault(key, FailedLogins.NONE);
    }

    @Override
    public synchronized Map<String, FailedLogins> update(
            List<String> keys, UnaryOperator<Map<String, FailedLogins>> change) {
        Map<String, FailedLogins> before = new HashMap<>();
        keys.forEach(key -> before.put(key, find(key)));
        change.apply(Map.copyOf(before)).forEach((key, state) -> {
            if (keys.contains(key)) {
                byKey.put(key, state);
            }
        });
        return before;
    }

    @Override
    public int purgeStale(Instant before) {
        return 0;
    }
}
