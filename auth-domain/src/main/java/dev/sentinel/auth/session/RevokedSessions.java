package dev.sentinel.auth.session;

import java.util.Collection;
import java.util.UUID;

/** Told of each revocation at once, so that this instance refuses the session's access tokens without delay. */
public interface RevokedSessions {
    void revoked(Collection<UUID> sessionIds);
}
