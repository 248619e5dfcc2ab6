package dev.sentinel.auth.usecase;

import dev.sentinel.auth.mfa.RecoveryCode;
import dev.sentinel.auth.mfa.RecoveryCodes;
import dev.sentinel.auth.mfa.Totp;
import dev.sentinel.auth.mfa.TotpFactor;
import dev.sentinel.auth.mfa.TotpFactors;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.secret.SecretSealer;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.user.User;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Checks a second factor as a login attempt of the account (docs/api.md: a wrong code counts as a failed login,
 * and a locked account gets 429). A TOTP code is accepted once: its time step is recorded by a conditional update,
 * so that a replay, on this or another instance, is refused. A recovery code is deleted as it is used.
 */
public final class SecondFactorCheck {
    private final TotpFactors factors;
    private final RecoveryCodes recoveryCodes;
    private final SecretSealer sealer;
    private final AccountLockout lockout;
    private final Clock clock;

    public SecondFactorCheck(
            TotpFactors factors,
            RecoveryCodes recoveryCodes,
            SecretSealer sealer,
            AccountLockout lockout,
            Clock clock) {
        this.factors = factors;
        this.recoveryCodes = recoveryCodes;
        this.sealer = sealer;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** Why the proof is refused ("invalid_code", "code_replayed"), or empty when it is accepted. */
    public Optional<String> refusal(User user, SecondFactorProof proof, ClientInfo client) {
        AccountLockout.Attempt attempt = lockout.begin(user.email(), client);
        Optional<String> refusal;
        try {
            refusal = proof.isRecoveryCode()
                    ? recoveryCode(user.id(), proof.recoveryCode())
                    : totpCode(user.id(), proof.code());
        } catch (RuntimeException undecided) {
            lockout.abandoned(attempt);
            throw undecided;
        }
        if (refusal.isEmpty()) {
            lockout.succeeded(attempt);
        } else {
            lockout.failed(attempt);
        }
        return refusal;
    }

    /** The step of a code of the factor's secret within the drift, without using it up (a pending factor's). */
    public OptionalLong matchingStep(TotpFactor factor, String code) {
        byte[] secret = sealer.open(factor.sealedSecret(), TotpFactor.sealingContext(factor.userId()));
        return Totp.matchingStep(secret, code, clock.instant());
    }

    private Optional<String> totpCode(UUID userId, String code) {
        Optional<TotpFactor> factor = factors.find(userId).filter(TotpFactor::enabled);
        if (factor.isEmpty()) {
            return Optional.of("invalid_code");
        }
        OptionalLong step = matchingStep(factor.get(), code);
        if (step.isEmpty()) {
            return Optional.of("invalid_code");
        }
        return factors.useStep(userId, step.getAsLong()) ? Optional.empty() : Optional.of("code_replayed");
    }

    private Optional<String> recoveryCode(UUID userId, String typed) {
        boolean used =
                RecoveryCode.isPlausible(typed) && recoveryCodes.consume(userId, RecoveryCode.hashOf(userId, typed));
        return used ? Optional.empty() : Optional.of("invalid_recovery_code");
    }
}
