package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AccountDisabledException;
import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.error.InvalidCredentialsException;
import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.error.MfaRequiredException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordHasher;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * US2: a user proves who they are with email and password and gets a new session, or, when the account has a second
 * factor on, an mfa_token to complete the login with ({@link MfaLoginService}).
 */
public final class LoginService {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AccountLockout lockout;
    private final SessionStarter sessions;
    private final SecondFactorGate secondFactor;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;
    /** Verified against when the email is unknown, so that both failures cost the same time. */
    private final String decoyHash;

    public LoginService(
            UserRepository users,
            PasswordHasher hasher,
            PasswordPolicy policy,
            AccountLockout lockout,
            SessionStarter sessions,
            SecondFactorGate secondFactor,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.lockout = lockout;
        this.sessions = sessions;
        this.secondFactor = secondFactor;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
        this.decoyHash = hasher.hash(UUID.randomUUID().toString());
    }

    public SessionGrant login(String email, String password, ClientInfo client) {
        try {
            return verifyAndStart(new Email(email), password, client);
        } catch (MfaRequiredException due) {
            throw due; // not a refusal: recorded as MFA_CHALLENGE
        } catch (AuthException refusal) {
            throw audit.refused(audit.failure(AuthEventType.LOGIN, client).email(Email.normalise(email)), refusal);
        }
    }

    private SessionGrant verifyAndStart(Email address, String password, ClientInfo client) {
        if (password == null || password.isEmpty()) {
            throw InvalidInputException.of("password", "must not be empty");
        }
        AccountLockout.Attempt attempt = lockout.begin(address, client);
        User user = verifiedUser(address, password, attempt).orElseThrow(() -> {
            lockout.failed(attempt);
            return new InvalidCredentialsException();
        });
        if (user.disabled()) {
            lockout.succeeded(attempt); // the password was right: no count against the address
            throw new AccountDisabledException(); // before any second factor: a disabled account gets nothing
        }
        if (secondFactor.isDue(user)) {
            // the password alone neither fails nor resets the count: only the completed login does
            lockout.abandoned(attempt);
            throw secondFactor.challenge(user, client);
        }
        lockout.succeeded(attempt);
        String upgradedHash = hasher.needsRehash(user.passwordHash()) ? hasher.hash(password) : null;
        return transactions.inTransaction(() -> {
            User current = users.lock(user.id()).orElseThrow(InvalidCredentialsException::new);
            if (current.credentialVersion() != user.credentialVersion()) {
                throw new InvalidCredentialsException(); // the password was replaced while this one was checked
            }
            if (current.disabled()) {
                throw new AccountDisabledException(); // disabled while the password was checked
            }
            if (upgradedHash != null) {
                users.updatePasswordHash(user.id(), upgradedHash);
            }
            users.recordLogin(user.id(), clock.instant());
            SessionGrant grant = sessions.start(current, client);
            audit.granted(AuthEventType.LOGIN, grant, client);
            return grant;
        });
    }

    private Optional<User> verifiedUser(Email address, String password, AccountLockout.Attempt attempt) {
        if (password.length() > policy.maxLength() * 2) {
            return Optional.empty(); // longer than any stored password can be: no hashing work to give away
        }
        try {
            Optional<User> user = users.findByEmail(address);
            boolean valid = hasher.verify(password, user.map(User::passwordHash).orElse(decoyHash));
            return valid ? user : Optional.empty();
        } catch (RuntimeException undecided) {
            lockout.abandoned(attempt);
            throw undecided;
        }
    }
}
