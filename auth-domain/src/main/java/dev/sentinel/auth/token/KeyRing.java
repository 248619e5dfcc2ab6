package dev.sentinel.auth.token;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The stored keys and the rules that say, from the time alone, which key signs and which are published: every
 * instance reading the same rows agrees without talking to the others.
 */
public final class KeyRing {
    private final List<SigningKey> keys; // newest generation first

    public KeyRing(List<SigningKey> keys) {
        this.keys = keys.stream()
                .sorted(Comparator.comparingInt(SigningKey::generation).reversed())
                .toList();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public List<SigningKey> keys() {
        return keys;
    }

    /** The newest key whose signing time has come; the oldest key while none has (a first key signs at once). */
    public SigningKey signingAt(Instant now) {
        return keys.stream()
                .filter(key -> !key.signsFrom().isAfter(now))
                .findFirst()
                .orElseGet(() -> keys.get(keys.size() - 1));
    }

    /** Keys that may have signed a live token, or soon sign: newest first. */
    public List<SigningKey> publishedAt(Instant now, RotationPolicy policy) {
        return keys.stream().filter(key -> !retired(key, now, policy)).toList();
    }

    /** Keys whose every token has expired: no longer published, and not needed any more. */
    public List<SigningKey> retiredAt(Instant now, RotationPolicy policy) {
        return keys.stream().filter(key -> retired(key, now, policy)).toList();
    }

    /** When the newest key is older than the rotation period. */
    public boolean rotationDue(Instant now, RotationPolicy policy) {
        return policy.period()
                .map(period -> keys.isEmpty()
                        || !keys.get(0).publishesAt().plus(period).isAfter(now))
                .orElse(false);
    }

    /** The key that succeeds the newest: published now, signing once every relying party can know it. */
    public SigningKey successor(NewKeyPair pair, Instant now, RotationPolicy policy) {
        int generation = keys.isEmpty() ? 1 : keys.get(0).generation() + 1;
        Instant signsFrom = keys.isEmpty() ? now : now.plus(policy.publicationLead());
        return new SigningKey(
                pair.kid(), generation, pair.algorithm(), pair.privateKey(), pair.publicKeyX509(), now, signsFrom);
    }

    /**
     * A key stops signing when a newer one starts; its tokens live on for the token lifetime after that. The
     * signing key itself is never retired, even if a newer one was published long ago and has not started yet.
     */
    private boolean retired(SigningKey key, Instant now, RotationPolicy policy) {
        return stoppedSigning(key, now)
                .map(stopped -> !stopped.plus(policy.tokenLifetime()).isAfter(now))
                .orElse(false);
    }

    private Optional<Instant> stoppedSigning(SigningKey key, Instant now) {
        return keys.stream()
                .filter(newer -> newer.generation() > key.generation())
                .map(SigningKey::signsFrom)
                .filter(start -> !start.isAfter(now))
                .min(Comparator.naturalOrder());
    }
}
