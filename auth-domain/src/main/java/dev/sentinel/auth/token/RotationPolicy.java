package dev.sentinel.auth.token;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How keys succeed each other. {@code publicationLead}: how long a new key is published before it signs, at
 * least the time a relying party may cache the JWKS plus the time every instance needs to see the key.
 * {@code tokenLifetime}: how long a token lives after it was signed, clock skew included; an old key stays
 * published that long after it stopped signing. {@code period}: automatic rotation, when set.
 */
public record RotationPolicy(Duration publicationLead, Duration tokenLifetime, Optional<Duration> period) {
    public RotationPolicy {
        Objects.requireNonNull(publicationLead);
        Objects.requireNonNull(tokenLifetime);
        Objects.requireNonNull(period);
        if (publicationLead.isNegative() || tokenLifetime.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (period.isPresent() && (period.get().isZero() || period.get().isNegative())) {
            throw new IllegalArgumentException("the rotation period must be positive");
        }
    }
}
