package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.SessionEndedException;
import dev.sentinel.auth.mfa.TotpFactors;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import dev.sentinel.auth.user.VerifiedEmails;
import java.util.UUID;

/** US3: the caller's own account, as the access token names it. */
public final class ProfileService {
    private final UserRepository users;
    private final VerifiedEmails verifiedEmails;
    private final TotpFactors factors;

    public ProfileService(UserRepository users, VerifiedEmails verifiedEmails, TotpFactors factors) {
        this.users = users;
        this.verifiedEmails = verifiedEmails;
        this.factors = factors;
    }

    public boolean isMfaEnabled(UUID userId) {
        return factors.isEnabled(userId);
    }

    public boolean isEmailVerified(UUID userId) {
        return verifiedEmails.isVerified(userId);
    }

    /** A token can outlive its account; then the session has ended with it. */
    public User profileOf(UUID userId) {
        return users.findById(userId).orElseThrow(SessionEndedException::new);
    }
}
