package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.MfaRequiredException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.mfa.MfaChallenge;
import dev.sentinel.auth.mfa.MfaChallenges;
import dev.sentinel.auth.mfa.TotpFactors;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.OpaqueToken;
import dev.sentinel.auth.user.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** Stops a password login whose account has a second factor on, and opens the challenge that completes it. */
public final class SecondFactorGate {
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    private final TotpFactors factors;
    private final MfaChallenges challenges;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random;

    public SecondFactorGate(
            TotpFactors factors,
            MfaChallenges challenges,
            Transactions transactions,
            AuthEventLog events,
            Clock clock,
            SecureRandom random) {
        this.factors = factors;
        this.challenges = challenges;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
        this.random = random;
    }

    public boolean isDue(User user) {
        return factors.isEnabled(user.id());
    }

    /** A new challenge for {@code user}, as the refusal to throw; only the mfa_token's hash is stored. */
    public MfaRequiredException challenge(User user, ClientInfo client) {
        OpaqueToken token = OpaqueToken.generate(random);
        transactions.inTransaction(() -> {
            challenges.create(new MfaChallenge(
                    token.hash(),
                    user.id(),
                    user.credentialVersion(),
                    clock.instant().plus(CHALLENGE_LIFETIME)));
            audit.changed(audit.success(AuthEventType.MFA_CHALLENGE, client)
                    .user(user.id())
                    .email(user.email().value())
                    .reason("mfa_required"));
            return null;
        });
        return new MfaRequiredException(token.value());
    }
}
