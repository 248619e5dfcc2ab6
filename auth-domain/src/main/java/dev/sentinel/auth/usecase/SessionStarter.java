package dev.sentinel.auth.usecase;

import dev.sentinel.auth.session.ClientInfo;
import dev.sentinel.auth.session.OpaqueToken;
import dev.sentinel.auth.session.RefreshToken;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionGrant;
import dev.sentinel.auth.session.SessionPolicy;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.user.User;
import java.security.SecureRandom;
import java.time.Clock;

/** Opens a new session with its first refresh token: the last step of signup and login. */
public final class SessionStarter {
    private final SessionRepository sessions;
    private final SessionPolicy policy;
    private final Clock clock;
    private final SecureRandom random;

    public SessionStarter(SessionRepository sessions, SessionPolicy policy, Clock clock, SecureRandom random) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    public SessionGrant start(User user, ClientInfo client) {
        OpaqueToken refreshToken = OpaqueToken.generate(random);
        Session session = Session.open(user.id(), user.credentialVersion(), client, clock.instant(), policy);
        sessions.open(session, RefreshToken.issue(refreshToken, session, session.createdAt(), policy));
        return new SessionGrant(user, session, refreshToken);
    }
}
