package dev.sentinel.auth.usecase;

import dev.sentinel.auth.session.RefreshToken;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sessions and token hashes in maps, with the semantics the port documents. */
final class FakeSessionRepository implements SessionRepository {
    private final Map<UUID, Session> sessions = new LinkedHashMap<>();
    private final Map<String, RefreshToken> tokens = new LinkedHashMap<>();

    @Override
    public void open(Session session, RefreshToken firstToken) {
        sessions.put(session.id(), session);
        tokens.put(firstToken.tokenHash(), firstToken);
    }

    @Override
    public Optional<Session> findSession(UUID sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public Optional<RefreshToken> lockToken(String tokenHash) {
        return Optional.ofNullable(tokens.get(tokenHash));
    }

    @Override
    public void rotate(RefreshToken rotated, RefreshToken successor, Instant now) {
        tokens.put(rotated.tokenHash(), rotated);
        tokens.put(successor.tokenHash(), successor);
        Session s = sessions.get(rotated.sessionId());
        sessions.put(
                s.id(),
                new Session(
                        s.id(),
                        s.userId(),
                        s.createdAt(),
                        now,
                        s.expiresAt(),
                        s.revokedAt(),
                        s.ip(),
                        s.userAgent(),
                        s.credentialVersion()));
    }

    @Override
    public int eraseSealedSuccessors(Instant rotatedFrom, Instant rotatedBefore) {
        int erased = 0;
        for (RefreshToken t : List.copyOf(tokens.values())) {
            if (t.sealedSuccessor() != null
                    && !t.rotatedAt().isBefore(rotatedFrom)
                    && t.rotatedAt().isBefore(rotatedBefore)) {
                tokens.put(
                        t.tokenHash(),
                        new RefreshToken(
                                t.tokenHash(), t.sessionId(), t.issuedAt(), t.expiresAt(), t.rotatedAt(), null));
                erased++;
            }
        }
        return erased;
    }

    @Override
    public void updateCredentialVersion(UUID sessionId, int credentialVersion) {
        Session s = sessions.get(sessionId);
        sessions.put(
                s.id(),
                new Session(
                        s.id(),
                        s.userId(),
                        s.createdAt(),
                        s.lastUsedAt(),
                        s.expiresAt(),
                        s.revokedAt(),
                        s.ip(),
                        s.userAgent(),
                        credentialVersion));
    }

    @Override
    public List<UUID> revokeAllOf(UUID userId, UUID keep, Instant now) {
        List<UUID> revoked = new ArrayList<>();
        for (Session s : liveSessionsOf(userId, now)) {
            if (!s.id().equals(keep)) {
                markRevoked(s, now);
                revoked.add(s.id());
            }
        }
        return revoked;
    }

    @Override
    public boolean revoke(UUID userId, UUID sessionId, Instant now) {
        Session s = sessions.get(sessionId);
        if (s == null || !s.userId().equals(userId) || !s.isLive(now)) {
            return false;
        }
        markRevoked(s, now);
        return true;
    }

    @Override
    public List<Session> liveSessionsOf(UUID userId, Instant now) {
        return sessions.values().stream()
                .filter(s -> s.userId().equals(userId) && s.isLive(now))
                .toList();
    }

    @Override
    public List<UUID> revokedSince(Instant since) {
        return sessions.values().stream()
                .filter(s -> s.revokedAt() != null && s.revokedAt().isAfter(since))
                .map(Session::id)
                .toList();
    }

    @Override
    public int purgeEnded(Instant endedBefore, Instant idleBefore) {
        throw new UnsupportedOperationException("not needed by the use cases under test");
    }

    /** Puts a session in as it is, e.g. one of another user. */
    void add(Session session) {
        sessions.put(session.id(), session);
    }

    Session session(UUID id) {
        return sessions.get(id);
    }

    boolean isRevoked(UUID id) {
        return sessions.get(id).revokedAt() != null;
    }

    private void markRevoked(Session s, Instant now) {
        sessions.put(
                s.id(),
                new Session(
                        s.id(),
                        s.userId(),
                        s.createdAt(),
                        s.lastUsedAt(),
                        s.expiresAt(),
                        now,
                        s.ip(),
                        s.userAgent(),
                        s.credentialVersion()));
    }
}
