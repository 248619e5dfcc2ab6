package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AccountDisabledException;
import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.MfaLoginFailedException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.mfa.MfaChallenge;
import dev.sentinel.auth.mfa.MfaChallenges;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.OpaqueToken;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.time.Clock;

/**
 * The second step of a login with a second factor: the mfa_token of the first step and a code open the session.
 * Each try counts against the challenge (five and it is gone) and, as a failed login, against the account.
 */
public final class MfaLoginService {
    private static final int MAX_TOKEN_LENGTH = 256;

    private final UserRepository users;
    private final MfaChallenges challenges;
    private final SecondFactorCheck check;
    private final SessionStarter sessions;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public MfaLoginService(
            UserRepository users,
            MfaChallenges challenges,
            SecondFactorCheck check,
            SessionStarter sessions,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.users = users;
        this.challenges = challenges;
        this.check = check;
        this.sessions = sessions;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
    }

    public SessionGrant complete(String mfaToken, SecondFactorProof proof, ClientInfo client) {
        User user = null;
        try {
            String tokenHash = hashOf(mfaToken);
            MfaChallenge challenge = challenges
                    .beginTry(tokenHash, clock.instant())
                    .orElseThrow(() -> new MfaLoginFailedException("mfa_token_invalid"));
            user = users.findById(challenge.userId()).orElseThrow(() -> new MfaLoginFailedException("unknown_user"));
            return verifyAndStart(user, challenge, proof, client);
        } catch (AuthException refusal) {
            var event = audit.failure(AuthEventType.LOGIN, client);
            throw audit.refused(
                    user == null
                            ? event
                            : event.user(user.id()).email(user.email().value()),
                    refusal);
        }
    }

    private SessionGrant verifyAndStart(User user, MfaChallenge challenge, SecondFactorProof proof, ClientInfo client) {
        var refusal = check.refusal(user, proof, client);
        if (refusal.isPresent()) {
            challenges.discardIfSpent(challenge.tokenHash());
            throw new MfaLoginFailedException(refusal.get());
        }
        return transactions.inTransaction(() -> {
            if (!challenges.consume(challenge.tokenHash())) {
                throw new MfaLoginFailedException("mfa_token_invalid"); // another request completed it first
            }
            User current = users.lock(user.id()).orElseThrow(() -> new MfaLoginFailedException("unknown_user"));
            if (current.credentialVersion() != challenge.credentialVersion()) {
                throw new MfaLoginFailedException("password_changed");
            }
            if (current.disabled()) {
                throw new AccountDisabledException(); // disabled by an administrator after the password step
            }
            users.recordLogin(user.id(), clock.instant());
            SessionGrant grant = sessions.start(current, client, true);
            audit.granted(AuthEventType.LOGIN, grant, client);
            return grant;
        });
    }

    private static String hashOf(String mfaToken) {
        if (mfaToken == null || mfaToken.isBlank() || mfaToken.length() > MAX_TOKEN_LENGTH) {
            throw new MfaLoginFailedException("mfa_token_invalid");
        }
        return OpaqueToken.hashOf(mfaToken);
    }
}
