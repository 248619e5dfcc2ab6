package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.KeyRotationUnavailableException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.token.KeyPairSource;
import dev.sentinel.auth.token.KeyRing;
import dev.sentinel.auth.token.RotationPolicy;
import dev.sentinel.auth.token.SigningKey;
import dev.sentinel.auth.token.SigningKeyRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Adds the key that succeeds the newest one: on an administrator's request, or when the rotation period is over.
 * The key's generation is unique in the store, so of several instances rotating at once exactly one succeeds.
 */
public final class SigningKeyRotation {
    private static final int ATTEMPTS = 3;

    private final SigningKeyRepository keys;
    private final KeyPairSource keyPairs;
    private final RotationPolicy policy;
    private final boolean keysFromFile;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public SigningKeyRotation(
            SigningKeyRepository keys,
            KeyPairSource keyPairs,
            RotationPolicy policy,
            boolean keysFromFile,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.keys = keys;
        this.keyPairs = keyPairs;
        this.policy = policy;
        this.keysFromFile = keysFromFile;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
    }

    /** An administrator rotates now; a concurrent rotation is no reason to refuse, so a lost race is retried. */
    public SigningKey rotate(Caller caller, ClientInfo client) {
        try {
            if (keysFromFile) {
                throw new KeyRotationUnavailableException();
            }
            for (int attempt = 1; ; attempt++) {
                Optional<SigningKey> added = addSuccessor(Optional.of(caller), client);
                if (added.isPresent() || attempt == ATTEMPTS) {
                    return added.orElseThrow(() -> new IllegalStateException("other rotations kept winning"));
                }
            }
        } catch (AuthException refusal) {
            throw audit.refused(caller.describe(audit.failure(AuthEventType.SIGNING_KEY_ROTATED, client)), refusal);
        }
    }

    /** The scheduled rotation: empty when none is due, or when another instance rotated first. */
    public Optional<SigningKey> rotateIfDue() {
        if (keysFromFile
                || policy.period().isEmpty()
                || !new KeyRing(keys.all()).rotationDue(clock.instant(), policy)) {
            return Optional.empty();
        }
        return addSuccessor(Optional.empty(), new ClientInfo(null, null));
    }

    /**
     * A new store is being created and will need a first key, so its key pair is made meanwhile: an RSA key takes
     * the better part of a second in a JVM that has just started, on the way to ready.
     */
    public void prepareFirstKey() {
        if (!keysFromFile) {
            keyPairs.prepare();
        }
    }

    /** The first key of a new database signs at once; of instances starting together, one stores it. */
    public void ensureFirstKey() {
        if (!keysFromFile && keys.all().isEmpty()) {
            keys.add(new KeyRing(List.of()).successor(keyPairs.generate(), clock.instant(), policy));
        }
    }

    private Optional<SigningKey> addSuccessor(Optional<Caller> caller, ClientInfo client) {
        Instant now = clock.instant();
        SigningKey successor = new KeyRing(keys.all()).successor(keyPairs.generate(), now, policy);
        if (!keys.add(successor)) {
            return Optional.empty();
        }
        transactions.inTransaction(() -> {
            var event = audit.success(AuthEventType.SIGNING_KEY_ROTATED, client).reason("kid=" + successor.kid());
            audit.changed(caller.map(c -> c.describe(event)).orElse(event));
            return null;
        });
        return Optional.of(successor);
    }
}
