package dev.sentinel.auth.usecase;

import dev.sentinel.auth.session.RevokedSessions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

final class FakeRevokedSessions implements RevokedSessions {
    final List<UUID> told = new ArrayList<>();

    @Override
    public void revoked(Collection<UUID> sessionIds) {
        told.addAll(sessionIds);
    }
}
