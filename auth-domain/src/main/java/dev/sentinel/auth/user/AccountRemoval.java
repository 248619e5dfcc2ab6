package dev.sentinel.auth.user;

import java.util.UUID;

/**
 * Deletes an account with everything that hangs on it (sessions, tokens, mails, verification), and takes the
 * address out of its auth events, which keep the user id for the audit trail.
 */
public interface AccountRemoval {
    void remove(UUID userId);
}
