package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.UserNotFoundException;
import dev.sentinel.auth.mfa.TotpFactors;
import dev.sentinel.auth.ratelimit.AccountLockout;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionRepository;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserCursor;
import dev.sentinel.auth.user.UserRepository;
import dev.sentinel.auth.user.UserSearch;
import dev.sentinel.auth.user.UserStatus;
import dev.sentinel.auth.user.VerifiedEmails;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Administrators look accounts up: a page of the list by email, or one account with its live sessions. */
public final class UserDirectory {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final VerifiedEmails verifiedEmails;
    private final AccountLockout lockout;
    private final TotpFactors factors;
    private final Clock clock;

    public UserDirectory(
            UserRepository users,
            SessionRepository sessions,
            VerifiedEmails verifiedEmails,
            AccountLockout lockout,
            TotpFactors factors,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.verifiedEmails = verifiedEmails;
        this.lockout = lockout;
        this.factors = factors;
        this.clock = clock;
    }

    /** {@code emailContains} and {@code status} null for any, {@code after} null for the first page. */
    public UserPage page(String emailContains, UserStatus status, UserCursor after, int limit) {
        String part = emailContains == null || emailContains.isBlank()
                ? null
                : emailContains.strip().toLowerCase(Locale.ROOT);
        List<User> found = users.search(new UserSearch(
                part,
                status,
                after == null ? null : after.afterEmail(),
                limit + 1,
                lockout.accountKeyPrefix(),
                clock.instant()));
        List<User> page = found.size() > limit ? found.subList(0, limit) : found;
        UserCursor next = found.size() > limit
                ? new UserCursor(page.get(page.size() - 1).email().value())
                : null;
        return new UserPage(managed(page), next);
    }

    public ManagedUser find(UUID userId) {
        return users.findById(userId).map(this::managed).orElseThrow(UserNotFoundException::new);
    }

    public List<Session> liveSessions(UUID userId) {
        return sessions.liveSessionsOf(userId, clock.instant());
    }

    /**
     * Four questions for a page, whatever its length: the users, their verified addresses, their second factors,
     * their locks.
     */
    private List<ManagedUser> managed(List<User> page) {
        List<UUID> ids = page.stream().map(User::id).toList();
        Set<UUID> verified = verifiedEmails.verifiedAmong(ids);
        Set<UUID> withFactor = factors.enabledAmong(ids);
        Map<Email, Instant> locked =
                lockout.lockedEverywhere(page.stream().map(User::email).toList());
        return page.stream()
                .map(user -> new ManagedUser(
                        user, verified.contains(user.id()), withFactor.contains(user.id()), locked.get(user.email())))
                .toList();
    }

    private ManagedUser managed(User user) {
        return new ManagedUser(
                user,
                verifiedEmails.isVerified(user.id()),
                factors.isEnabled(user.id()),
                lockout.lockedEverywhereUntil(user.email()));
    }
}
