package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.InvalidCodeException;
import dev.sentinel.auth.error.SecondFactorStateException;
import dev.sentinel.auth.error.SessionEndedException;
import dev.sentinel.auth.error.UserNotFoundException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.mfa.QrCodes;
import dev.sentinel.auth.mfa.RecoveryCode;
import dev.sentinel.auth.mfa.RecoveryCodes;
import dev.sentinel.auth.mfa.TotpFactor;
import dev.sentinel.auth.mfa.TotpFactors;
import dev.sentinel.auth.mfa.TotpSecret;
import dev.sentinel.auth.secret.SecretSealer;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** A user turns a TOTP factor on and off and renews the recovery codes; an administrator removes a lost one. */
public final class SecondFactorService {
    private final UserRepository users;
    private final TotpFactors factors;
    private final RecoveryCodes recoveryCodes;
    private final SecondFactorCheck check;
    private final Transactions transactions;
    private final Audit audit;
    private final Setup setup;

    /** What enrolment needs besides the stores: the issuer name apps show, how secrets are sealed and drawn. */
    public record Setup(String issuer, SecretSealer sealer, QrCodes qrCodes, Clock clock, SecureRandom random) {}

    /** A pending factor as the user's app learns it: the secret in base32, the otpauth URI and its QR code. */
    public record Enrolment(String secret, String otpauthUri, String qrSvg) {
        @Override
        public String toString() {
            return "Enrolment[redacted]";
        }
    }

    public SecondFactorService(
            UserRepository users,
            TotpFactors factors,
            RecoveryCodes recoveryCodes,
            SecondFactorCheck check,
            Transactions transactions,
            AuthEventLog events,
            Setup setup) {
        this.users = users;
        this.factors = factors;
        this.recoveryCodes = recoveryCodes;
        this.check = check;
        this.transactions = transactions;
        this.audit = new Audit(events, setup.clock());
        this.setup = setup;
    }

    /** A new pending factor, in place of a pending one; refused while one is enabled. */
    public Enrolment enrol(Caller caller) {
        User user = userOf(caller);
        TotpSecret secret = TotpSecret.generate(setup.random());
        String sealed = setup.sealer().seal(secret.bytes(), TotpFactor.sealingContext(user.id()));
        if (!factors.savePending(
                TotpFactor.pending(user.id(), sealed, setup.clock().instant()))) {
            throw SecondFactorStateException.alreadyEnabled();
        }
        String uri = secret.otpauthUri(setup.issuer(), user.email().value());
        return new Enrolment(secret.base32(), uri, setup.qrCodes().svg(uri));
    }

    /** A first code turns the pending factor on; the answer is the only time the recovery codes are seen. */
    public List<String> confirm(Caller caller, String code, ClientInfo client) {
        try {
            TotpFactor pending = factors.find(caller.userId())
                    .filter(factor -> !factor.enabled())
                    .orElseThrow(SecondFactorStateException::nothingPending);
            OptionalLong step =
                    check.matchingStep(pending, SecondFactorProof.totp(code).code());
            if (step.isEmpty()) {
                throw new InvalidCodeException("invalid_code");
            }
            List<String> codes = RecoveryCode.generate(setup.random());
            transactions.inTransaction(() -> {
                if (!factors.enable(caller.userId(), step.getAsLong())) {
                    throw SecondFactorStateException.nothingPending();
                }
                recoveryCodes.replace(caller.userId(), hashes(caller.userId(), codes));
                audit.changed(caller.describe(audit.success(AuthEventType.MFA_ENABLED, client)));
                return null;
            });
            return codes;
        } catch (AuthException refusal) {
            throw audit.refused(caller.describe(audit.failure(AuthEventType.MFA_ENABLED, client)), refusal);
        }
    }

    public void disable(Caller caller, SecondFactorProof proof, ClientInfo client) {
        try {
            verify(userOf(caller), proof, client);
            transactions.inTransaction(() -> {
                factors.remove(caller.userId());
                audit.changed(caller.describe(audit.success(AuthEventType.MFA_DISABLED, client)));
                return null;
            });
        } catch (AuthException refusal) {
            throw audit.refused(caller.describe(audit.failure(AuthEventType.MFA_DISABLED, client)), refusal);
        }
    }

    /** A new set of recovery codes; the old ones stop working. */
    public List<String> regenerateRecoveryCodes(Caller caller, String code, ClientInfo client) {
        try {
            verify(userOf(caller), SecondFactorProof.totp(code), client);
            List<String> codes = RecoveryCode.generate(setup.random());
            transactions.inTransaction(() -> {
                recoveryCodes.replace(caller.userId(), hashes(caller.userId(), codes));
                audit.changed(caller.describe(audit.success(AuthEventType.RECOVERY_CODES_REGENERATED, client)));
                return null;
            });
            return codes;
        } catch (AuthException refusal) {
            throw audit.refused(
                    caller.describe(audit.failure(AuthEventType.RECOVERY_CODES_REGENERATED, client)), refusal);
        }
    }

    /** An administrator removes a user's factor and recovery codes (a lost phone): the password alone logs in. */
    public void reset(Caller admin, UUID userId, ClientInfo client) {
        try {
            User user = users.findById(userId).orElseThrow(UserNotFoundException::new);
            transactions.inTransaction(() -> {
                factors.remove(user.id());
                audit.changed(audit.success(AuthEventType.MFA_RESET, client)
                        .user(user.id())
                        .email(user.email().value())
                        .actor(admin.userId()));
                return null;
            });
        } catch (AuthException refusal) {
            throw audit.refused(
                    audit.failure(AuthEventType.MFA_RESET, client).user(userId).actor(admin.userId()), refusal);
        }
    }

    public boolean isEnabled(UUID userId) {
        return factors.isEnabled(userId);
    }

    private void verify(User user, SecondFactorProof proof, ClientInfo client) {
        if (!factors.isEnabled(user.id())) {
            throw new InvalidCodeException("mfa_not_enabled");
        }
        check.refusal(user, proof, client).ifPresent(reason -> {
            throw new InvalidCodeException(reason);
        });
    }

    private User userOf(Caller caller) {
        return users.findById(caller.userId()).orElseThrow(SessionEndedException::new);
    }

    private static List<String> hashes(UUID userId, List<String> codes) {
        return codes.stream().map(code -> RecoveryCode.hashOf(userId, code)).toList();
    }
}
