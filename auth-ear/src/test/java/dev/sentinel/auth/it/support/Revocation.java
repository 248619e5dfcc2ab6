package dev.sentinel.auth.it.support;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;

/**
 * A revoked session's access tokens must be refused within 1 s, not at once: other instances learn of
 * revocations by polling the database (README, "Sessions and revocation"). So tests poll GET /api/auth/me.
 */
public final class Revocation {
    private static final long ONE_SECOND_NANOS = 1_000_000_000L;

    private Revocation() {}

    /** Polls GET /api/auth/me from now on until it answers a 401 problem; fails after 1 s. */
    public static void assertRefusedWithinOneSecond(Api api, String accessToken) {
        assertRefusedWithinOneSecond(api, accessToken, System.nanoTime());
    }

    /** Like {@link #assertRefusedWithinOneSecond(Api, String)}, with the second counted from the revocation. */
    public static void assertRefusedWithinOneSecond(Api api, String accessToken, long revokedAtNanos) {
        assertRefusedWithinOneSecond(() -> api.me(accessToken), revokedAtNanos);
    }

    /** Repeats a protected call until it answers a 401 problem; fails 1 s after the revocation. */
    public static void assertRefusedWithinOneSecond(Supplier<Reply> protectedCall, long revokedAtNanos) {
        long deadline = revokedAtNanos + ONE_SECOND_NANOS;
        Reply last;
        do {
            last = protectedCall.get();
            if (last.status() == 401) {
                assertProblem(last, 401);
                return;
            }
            Pause.millis(50);
        } while (System.nanoTime() < deadline);
        fail("access token of a revoked session still accepted 1 s after the revocation: " + last);
    }
}
