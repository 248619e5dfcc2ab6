package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.EmailNotVerifiedException;
import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.OpaqueToken;
import dev.sentinel.auth.session.RefreshToken;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.VerifiedEmails;
import java.security.SecureRandom;
import java.time.Clock;

/** Opens a new session with its first refresh token: the last step of signup and login. */
public final class SessionStarter {
    private final SessionRepository sessions;
    private final SessionPolicy policy;
    private final Clock clock;
    private final SecureRandom random;
    /** When set, only users with a verified address (or administrators, whose address the operator set) get one. */
    private final VerifiedEmails requiredVerification;

    public SessionStarter(SessionRepository sessions, SessionPolicy policy, Clock clock, SecureRandom random) {
        this(sessions, policy, clock, random, null);
    }

    private SessionStarter(
            SessionRepository sessions,
            SessionPolicy policy,
            Clock clock,
            SecureRandom random,
            VerifiedEmails requiredVerification) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
        this.requiredVerification = requiredVerification;
    }

    /** The same starter, refusing users whose address is not verified (AUTH_REQUIRE_VERIFIED_EMAIL). */
    public SessionStarter onlyForVerifiedEmails(VerifiedEmails verified) {
        return new SessionStarter(sessions, policy, clock, random, verified);
    }

    public SessionGrant start(User user, ClientInfo client) {
        return start(user, client, false);
    }

    /** {@code secondFactor}: the user proved a second factor besides the password. */
    public SessionGrant start(User user, ClientInfo client, boolean secondFactor) {
        if (requiredVerification != null && !user.isAdmin() && !requiredVerification.isVerified(user.id())) {
            throw new EmailNotVerifiedException();
        }
        OpaqueToken refreshToken = OpaqueToken.generate(random);
        Session session =
                Session.open(user.id(), user.credentialVersion(), secondFactor, client, clock.instant(), policy);
        sessions.open(session, RefreshToken.issue(refreshToken, session, session.createdAt(), policy));
        return new SessionGrant(user, session, refreshToken);
    }
}
