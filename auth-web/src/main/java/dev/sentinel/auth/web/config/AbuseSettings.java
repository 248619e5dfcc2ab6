package dev.sentinel.auth.web.config;

import dev.sentinel.auth.ratelimit.LockoutPolicy;
import dev.sentinel.auth.ratelimit.RateLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Rate limits per client (IPv4 address or IPv6 /64), lockout, and which peers may tell us the client IP. */
@ApplicationScoped
public class AbuseSettings {
    @Inject
    @ConfigProperty(name = "auth.rate-limit.signup.capacity", defaultValue = "5")
    int signupCapacity;

    @Inject
    @ConfigProperty(name = "auth.rate-limit.signup.period", defaultValue = "PT1H")
    Duration signupPeriod;

    @Inject
    @ConfigProperty(name = "auth.rate-limit.login.capacity", defaultValue = "10")
    int loginCapacity;

    @Inject
    @ConfigProperty(name = "auth.rate-limit.login.period", defaultValue = "PT1M")
    Duration loginPeriod;

    @Inject
    @ConfigProperty(name = "auth.rate-limit.refresh.capacity", defaultValue = "30")
    int refreshCapacity;

    @Inject
    @ConfigProperty(name = "auth.rate-limit.refresh.period", defaultValue = "PT1M")
    Duration refreshPeriod;

    @Inject
    @ConfigProperty(name = "auth.rate-limit.password-reset.capacity", defaultValue = "5")
    int passwordResetCapacity;

    @Inject
    @ConfigProperty(name = "auth.rate-limit.password-reset.period", defaultValue = "PT1H")
    Duration passwordResetPeriod;

    @Inject
    @ConfigProperty(name = "auth.rate-limit.mfa.capacity", defaultValue = "10")
    int mfaCapacity;

    @Inject
    @ConfigProperty(name = "auth.rate-limit.mfa.period", defaultValue = "PT1M")
    Duration mfaPeriod;

    /** {@code database} shares buckets between instances; {@code memory} is faster for a single instance. */
    @Inject
    @ConfigProperty(name = "auth.rate-limit.store", defaultValue = "database")
    String rateLimitStore;

    @Inject
    @ConfigProperty(name = "auth.lockout.threshold", defaultValue = "5")
    int lockoutThreshold;

    @Inject
    @ConfigProperty(name = "auth.lockout.account-threshold", defaultValue = "50")
    int lockoutAccountThreshold;

    @Inject
    @ConfigProperty(name = "auth.lockout.client-threshold", defaultValue = "50")
    int lockoutClientThreshold;

    @Inject
    @ConfigProperty(name = "auth.lockout.duration", defaultValue = "PT15M")
    Duration lockoutDuration;

    @Inject
    @ConfigProperty(name = "auth.trusted-proxies")
    Optional<List<String>> trustedProxies;

    /** Fails start-up, not the first request, when a limit is configured out of range. */
    public void validate() {
        for (var bucket : dev.sentinel.auth.web.config.Bucket.values()) {
            try {
                limitOf(bucket);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "auth.rate-limit." + bucket.name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
            }
        }
        lockout();
        new TrustedProxies(trustedProxies());
    }

    public RateLimit signup() {
        return new RateLimit(signupCapacity, signupPeriod);
    }

    public RateLimit login() {
        return new RateLimit(loginCapacity, loginPeriod);
    }

    public RateLimit refresh() {
        return new RateLimit(refreshCapacity, refreshPeriod);
    }

    public RateLimit limitOf(dev.sentinel.auth.web.config.Bucket bucket) {
        return switch (bucket) {
            case SIGNUP -> signup();
            case LOGIN -> login();
            case REFRESH -> refresh();
            case PASSWORD_RESET -> new RateLimit(passwordResetCapacity, passwordResetPeriod);
            case MFA -> new RateLimit(mfaCapacity, mfaPeriod);
        };
    }

    public boolean rateLimitsInMemory() {
        return "memory".equalsIgnoreCase(rateLimitStore.strip());
    }

    public LockoutPolicy lockout() {
        return new LockoutPolicy(lockoutThreshold, lockoutAccountThreshold, lockoutClientThreshold, lockoutDuration);
    }

    public List<String> trustedProxies() {
        return trustedProxies.orElse(List.of()).stream()
                .map(String::strip)
                .filter(cidr -> !cidr.isEmpty())
                .toList();
    }
}
