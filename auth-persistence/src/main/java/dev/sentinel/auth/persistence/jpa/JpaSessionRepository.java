package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.session.RefreshToken;
import dev.sentinel.auth.session.Session;
import dev.sentinel.auth.session.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaSessionRepository implements SessionRepository {
    private static final String LIVE = "s.revokedAt IS NULL AND s.expiresAt > :now";

    @PersistenceContext(unitName = "auth")
    EntityManager em;

    protected JpaSessionRepository() {}

    JpaSessionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void open(Session session, RefreshToken firstToken) {
        em.persist(SessionEntity.from(session));
        em.flush(); // the token's foreign key needs the session row first
        em.persist(RefreshTokenEntity.from(firstToken));
    }

    @Override
    public Optional<Session> findSession(UUID sessionId) {
        return Optional.ofNullable(em.find(SessionEntity.class, sessionId.toString()))
                .map(SessionEntity::toSession);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RefreshToken> lockToken(String tokenHash) {
        return Optional.ofNullable(em.find(RefreshTokenEntity.class, tokenHash, LockModeType.PESSIMISTIC_WRITE))
                .map(RefreshTokenEntity::toToken);
    }

    @Override
    public void rotate(RefreshToken rotated, RefreshToken successor, Instant now) {
        em.merge(RefreshTokenEntity.from(rotated));
        em.persist(RefreshTokenEntity.from(successor));
        em.createQuery("UPDATE SessionEntity s SET s.lastUsedAt = :now WHERE s.id = :id")
                .setParameter("now", now.toEpochMilli())
                .setParameter("id", rotated.sessionId().toString())
                .executeUpdate();
    }

    @Override
    public void updateCredentialVersion(UUID sessionId, int credentialVersion) {
        em.createQuery("UPDATE SessionEntity s SET s.credentialVersion = :version WHERE s.id = :id")
                .setParameter("version", credentialVersion)
                .setParameter("id", sessionId.toString())
                .executeUpdate();
    }

    @Override
    public List<UUID> revokeAllOf(UUID userId, UUID keep, Instant now) {
        List<String> ids = em
                .createQuery("SELECT s.id FROM SessionEntity s WHERE s.userId = :user AND " + LIVE, String.class)
                .setParameter("user", userId.toString())
                .setParameter("now", now.toEpochMilli())
                .getResultList()
                .stream()
                .filter(id -> keep == null || !id.equals(keep.toString()))
                .toList();
        if (!ids.isEmpty()) {
            em.createQuery("UPDATE SessionEntity s SET s.revokedAt = :now WHERE s.id IN :ids AND s.revokedAt IS NULL")
                    .setParameter("now", now.toEpochMilli())
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
        return ids.stream().map(UUID::fromString).toList();
    }

    @Override
    public boolean revoke(UUID userId, UUID sessionId, Instant now) {
        return em.createQuery("UPDATE SessionEntity s SET s.revokedAt = :now "
                                + "WHERE s.id = :id AND s.userId = :user AND " + LIVE)
                        .setParameter("now", now.toEpochMilli())
                        .setParameter("id", sessionId.toString())
                        .setParameter("user", userId.toString())
                        .executeUpdate()
                == 1;
    }

    @Override
    public List<Session> liveSessionsOf(UUID userId, Instant now) {
        return em.createQuery(
                        "SELECT s FROM SessionEntity s WHERE s.userId = :user AND " + LIVE
                                + " ORDER BY s.lastUsedAt DESC",
                        SessionEntity.class)
                .setParameter("user", userId.toString())
                .setParameter("now", now.toEpochMilli())
                .getResultStream()
                .map(SessionEntity::toSession)
                .toList();
    }

    @Override
    public List<UUID> revokedSince(Instant since) {
        Stream<String> revoked = em.createQuery(
                        "SELECT s.id FROM SessionEntity s WHERE s.revokedAt >= :since", String.class)
                .setParameter("since", since.toEpochMilli())
                .getResultStream();
        Stream<String> removed = em.createQuery(
                        "SELECT r.sessionId FROM RemovedSessionEntity r WHERE r.removedAt >= :since", String.class)
                .setParameter("since", since.toEpochMilli())
                .getResultStream();
        return Stream.concat(revoked, removed).map(UUID::fromString).toList();
    }

    @Override
    public int eraseSealedSuccessors(Instant rotatedFrom, Instant rotatedBefore) {
        return em.createQuery("UPDATE RefreshTokenEntity t SET t.sealedSuccessor = NULL WHERE t.rotatedAt >= :from "
                        + "AND t.rotatedAt < :before AND t.sealedSuccessor IS NOT NULL")
                .setParameter("from", rotatedFrom.toEpochMilli())
                .setParameter("before", rotatedBefore.toEpochMilli())
                .executeUpdate();
    }

    @Override
    public int purgeEnded(Instant endedBefore, Instant idleBefore) {
        long ended = endedBefore.toEpochMilli();
        em.createQuery("DELETE FROM RemovedSessionEntity r WHERE r.removedAt < :ended")
                .setParameter("ended", ended)
                .executeUpdate();
        em.createQuery("DELETE FROM RefreshTokenEntity t WHERE t.expiresAt < :ended")
                .setParameter("ended", ended)
                .executeUpdate();
        List<String> sessions = em.createQuery(
                        "SELECT s.id FROM SessionEntity s WHERE s.expiresAt < :ended "
                                + "OR s.revokedAt < :ended OR s.lastUsedAt < :idle",
                        String.class)
                .setParameter("ended", ended)
                .setParameter("idle", idleBefore.toEpochMilli())
                .setMaxResults(1000)
                .getResultList();
        if (sessions.isEmpty()) {
            return 0;
        }
        em.createQuery("DELETE FROM RefreshTokenEntity t WHERE t.sessionId IN :ids")
                .setParameter("ids", sessions)
                .executeUpdate();
        return em.createQuery("DELETE FROM SessionEntity s WHERE s.id IN :ids")
                .setParameter("ids", sessions)
                .executeUpdate();
    }
}
