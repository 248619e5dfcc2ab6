package dev.sentinel.auth.ratelimit;

import java.time.Instant;
import java.util.function.UnaryOperator;

/** Failed-login counts by normalised email, shared by every instance on the database. */
public interface LoginFailureStore {
    FailedLogins find(String emailKey);

    /** Applies {@code change} atomically (no lost update between instances) and returns the new state. */
    FailedLogins update(String emailKey, UnaryOperator<FailedLogins> change);

    void clear(String emailKey);

    int purgeStale(Instant before);
}
