package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.AuthException;
import dev.sentinel.auth.event.AuthEventLog;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.PasswordHasher;
import dev.sentinel.auth.user.PasswordPolicy;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import java.time.Clock;

/** US1: a visitor creates an account and is logged in at once. */
public final class SignupService {
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionStarter sessions;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    public SignupService(
            UserRepository users,
            PasswordHasher hasher,
            PasswordPolicy policy,
            SessionStarter sessions,
            Transactions transactions,
            AuthEventLog events,
            Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
        this.transactions = transactions;
        this.audit = new Audit(events, clock);
        this.clock = clock;
    }

    public SessionGrant signup(String email, String password, String displayName, ClientInfo client) {
        try {
            Email address = new Email(email);
            policy.check("password", password, address);
            User user = User.register(address, displayName, hasher.hash(password), clock.instant());
            return transactions.inTransaction(() -> {
                users.add(user);
                SessionGrant grant = sessions.start(user, client);
                audit.granted(AuthEventType.SIGNUP, grant, client);
                return grant;
            });
        } catch (AuthException refusal) {
            throw audit.refused(audit.failure(AuthEventType.SIGNUP, client).email(Email.normalise(email)), refusal);
        }
    }
}
