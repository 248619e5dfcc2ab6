package dev.sentinel.auth.usecase;

import dev.sentinel.auth.mfa.MfaChallenge;
import dev.sentinel.auth.mfa.MfaChallenges;
import dev.sentinel.auth.mfa.RecoveryCodes;
import dev.sentinel.auth.mfa.TotpFactor;
import dev.sentinel.auth.mfa.TotpFactors;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The three second-factor stores in memory, with the conditional updates the real ones make. */
final class FakeSecondFactors implements TotpFactors, RecoveryCodes, MfaChallenges {
    final Map<UUID, TotpFactor> factors = new HashMap<>();
    final Map<UUID, Set<String>> recoveryHashes = new HashMap<>();
    final Map<String, MfaChallenge> challenges = new HashMap<>();
    final Map<String, Integer> tries = new HashMap<>();

    @Override
    public synchronized Optional<TotpFactor> find(UUID userId) {
        return Optional.ofNullable(factors.get(userId));
    }

    @Override
    public synchronized boolean isEnabled(UUID userId) {
        return find(userId).map(TotpFactor::enabled).orElse(false);
    }

    @Override
    public synchronized Set<UUID> enabledAmong(Collection<UUID> userIds) {
        return userIds.stream().filter(this::isEnabled).collect(Collectors.toSet());
    }

    @Override
    public synchronized boolean savePending(TotpFactor factor) {
        if (isEnabled(factor.userId())) {
            return false;
        }
        factors.put(factor.userId(), factor);
        return true;
    }

    @Override
    public synchronized boolean enable(UUID userId, long step) {
        TotpFactor factor = factors.get(userId);
        if (factor == null || factor.enabled()) {
            return false;
        }
        factors.put(userId, new TotpFactor(userId, factor.sealedSecret(), true, step, factor.createdAt()));
        return true;
    }

    @Override
    public synchronized boolean useStep(UUID userId, long step) {
        TotpFactor factor = factors.get(userId);
        if (factor == null || !factor.enabled() || factor.lastUsedStep() >= step) {
            return false;
        }
        factors.put(userId, new TotpFactor(userId, factor.sealedSecret(), true, step, factor.createdAt()));
        return true;
    }

    @Override
    public synchronized boolean remove(UUID userId) {
        recoveryHashes.remove(userId);
        return factors.remove(userId) != null;
    }

    @Override
    public synchronized void replace(UUID userId, List<String> hashes) {
        recoveryHashes.put(userId, new HashSet<>(hashes));
    }

    @Override
    public synchronized boolean consume(UUID userId, String hash) {
        return recoveryHashes.getOrDefault(userId, Set.of()).contains(hash)
                && recoveryHashes.get(userId).remove(hash);
    }

    @Override
    public synchronized void create(MfaChallenge challenge) {
        challenges.put(challenge.tokenHash(), challenge);
        tries.put(challenge.tokenHash(), 0);
    }

    @Override
    public synchronized Optional<MfaChallenge> beginTry(String tokenHash, Instant now) {
        MfaChallenge challenge = challenges.get(tokenHash);
        if (challenge == null
                || !now.isBefore(challenge.expiresAt())
                || tries.get(tokenHash) >= MfaChallenge.MAX_TRIES) {
            return Optional.empty();
        }
        tries.merge(tokenHash, 1, Integer::sum);
        return Optional.of(challenge);
    }

    @Override
    public synchronized boolean consume(String tokenHash) {
        tries.remove(tokenHash);
        return challenges.remove(tokenHash) != null;
    }

    @Override
    public synchronized void discardIfSpent(String tokenHash) {
        if (tries.getOrDefault(tokenHash, 0) >= MfaChallenge.MAX_TRIES) {
            consume(tokenHash);
        }
    }

    @Override
    public synchronized int purgeExpired(Instant before) {
        List<String> expired = challenges.values().stream()
                .filter(c -> c.expiresAt().isBefore(before))
                .map(MfaChallenge::tokenHash)
                .toList();
        expired.forEach(this::consume);
        return expired.size();
    }
}
