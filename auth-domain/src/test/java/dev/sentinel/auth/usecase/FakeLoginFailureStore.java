package dev.sentinel.auth.usecase;

import dev.sentinel.auth.ratelimit.FailedLogins;
import dev.sentinel.auth.ratelimit.LoginFailureStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

final class FakeLoginFailureStore implements LoginFailureStore {
    private final Map<String, FailedLogins> byEmail = new HashMap<>();
    private int clears;

    @Override
    public FailedLogins find(String emailKey) {
        return byEmail.getOrDefault(emailKey, FailedLogins.NONE);
    }

    @Override
    public FailedLogins update(String emailKey, UnaryOperator<FailedLogins> change) {
        return byEmail.merge(emailKey, change.apply(find(emailKey)), (old, updated) -> updated);
    }

    @Override
    public void clear(String emailKey) {
        clears++;
        byEmail.remove(emailKey);
    }

    int clears() {
        return clears;
    }

    @Override
    public int purgeStale(Instant before) {
        return 0;
    }
}
