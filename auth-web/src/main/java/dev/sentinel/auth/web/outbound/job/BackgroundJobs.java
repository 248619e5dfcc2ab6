package dev.sentinel.auth.web.outbound.job;

import dev.sentinel.auth.mfa.MfaChallenges;
import dev.sentinel.auth.ratelimit.LoginFailureStore;
import dev.sentinel.auth.ratelimit.RateLimiter;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.usecase.AuditTrail;
import dev.sentinel.auth.usecase.MailDelivery;
import dev.sentinel.auth.usecase.SigningKeyRotation;
import dev.sentinel.auth.web.config.AbuseSettings;
import dev.sentinel.auth.web.config.EventSettings;
import dev.sentinel.auth.web.config.SessionSettings;
import dev.sentinel.auth.web.config.SigningKeySettings;
import dev.sentinel.auth.web.config.TokenSettings;
import dev.sentinel.auth.web.outbound.event.AsyncAuthEventLog;
import dev.sentinel.auth.web.token.RevocationList;
import dev.sentinel.auth.web.token.SigningKeys;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Periodic work off the request path: revocation feed, event writes, signing keys, and purging what has ended. */
@ApplicationScoped
public class BackgroundJobs {
    private static final Logger LOG = Logger.getLogger(BackgroundJobs.class.getName());
    private static final Duration EVENT_FLUSH = Duration.ofMillis(200);
    /** A queued mail reaches a working SMTP server within this (docs/api.md promises 5 s). */
    private static final Duration MAIL_POLL = Duration.ofSeconds(1);
    /** Each erasure run re-reads this much before the previous one: commit delays and instances' clocks. */
    private static final Duration SEAL_LOOKBACK = Duration.ofMinutes(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RevocationList revocations;

    @Inject
    AsyncAuthEventLog events;

    @Inject
    SessionRepository sessions;

    @Inject
    LoginFailureStore loginFailures;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    AuditTrail auditTrail;

    @Inject
    MailDelivery mailDelivery;

    @Inject
    MfaChallenges mfaChallenges;

    @Inject
    SessionSettings sessionSettings;

    @Inject
    TokenSettings tokenSettings;

    @Inject
    AbuseSettings abuseSettings;

    @Inject
    EventSettings eventSettings;

    @Inject
    SigningKeySettings signingKeySettings;

    @Inject
    SigningKeyRotation rotation;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Clock clock;

    private final List<ScheduledFuture<?>> running = new ArrayList<>();
    private volatile Instant sealsErasedBefore = Instant.EPOCH;

    public void start() {
        every(sessionSettings.revocationPollInterval(), "revocation poll", revocations::poll);
        every(EVENT_FLUSH, "auth event write", events::flush);
        every(sessionSettings.cleanupInterval(), "cleanup", this::cleanUp);
        every(MAIL_POLL, "mail delivery", mailDelivery::deliverDue);
        every(signingKeySettings.pollInterval(), "signing key poll", this::followSigningKeys);
        Duration window = sessionSettings.policy().reuseWindow();
        every(
                window.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : window,
                "seal erasure",
                this::eraseSealedSuccessors);
    }

    /**
     * A sealed successor is needed only within the reuse window; after it, a copy of the database plus the
     * rotated token must not lead to the live token. Runs every window, so a seal outlives it by at most one more.
     */
    void eraseSealedSuccessors() {
        Instant before = clock.instant().minus(sessionSettings.policy().reuseWindow());
        sessions.eraseSealedSuccessors(sealsErasedBefore.minus(SEAL_LOOKBACK), before);
        sealsErasedBefore = before;
    }

    /** A due rotation first (one instance wins it), then what any instance rotated. */
    void followSigningKeys() {
        rotation.rotateIfDue();
        signingKeys.refresh();
    }

    void cleanUp() {
        Instant now = clock.instant();
        // Revoked sessions stay until their last access token has expired, so that the feed can still see them.
        Instant ended = now.minus(tokenSettings.accessTokenTtl()).minus(Duration.ofMinutes(5));
        int purgedSessions =
                sessions.purgeEnded(ended, now.minus(sessionSettings.policy().refreshTokenTtl()));
        int purgedEvents = auditTrail.purgeOlderThan(eventSettings.retention());
        loginFailures.purgeStale(now.minus(abuseSettings.lockout().duration()).minus(Duration.ofHours(1)));
        rateLimiter.purgeIdle(now);
        mailDelivery.purge(now);
        mfaChallenges.purgeExpired(now);
        LOG.fine(() -> "cleanup removed " + purgedSessions + " sessions and " + purgedEvents + " events");
    }

    private void every(Duration interval, String name, Runnable job) {
        long millis = Math.max(1, interval.toMillis());
        running.add(scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        job.run();
                    } catch (RuntimeException e) {
                        // a failed run (database briefly down) must not cancel the schedule
                        LOG.log(
                                Level.WARNING,
                                name + " failed, will retry: " + e.getClass().getName());
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        running.forEach(future -> future.cancel(false));
    }
}
