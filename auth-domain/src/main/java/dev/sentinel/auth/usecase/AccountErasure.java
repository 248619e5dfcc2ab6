package dev.sentinel.auth.usecase;

import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.user.AccountRemoval;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The one way an account goes, whoever deletes it: its sessions end, then the account and all that hangs on it;
 * its events keep the user id and lose the address. In the caller's transaction; the caller tells the revocation
 * list the returned sessions once it commits.
 */
final class AccountErasure {
    private final SessionRepository sessions;
    private final AccountRemoval removal;
    private final Clock clock;

    AccountErasure(SessionRepository sessions, AccountRemoval removal, Clock clock) {
        this.sessions = sessions;
        this.removal = removal;
        this.clock = clock;
    }

    List<UUID> erase(UUID userId) {
        List<UUID> revoked = sessions.revokeAllOf(userId, null, clock.instant());
        removal.remove(userId);
        return revoked;
    }
}
