package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.event.AuthEvent;
import dev.sentinel.auth.event.AuthEventQuery;
import dev.sentinel.auth.event.AuthEventRepository;
import dev.sentinel.auth.event.AuthEventType;
import dev.sentinel.auth.event.EventCount;
import dev.sentinel.auth.event.EventStatsQuery;
import dev.sentinel.auth.event.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaAuthEventRepository implements AuthEventRepository {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    protected JpaAuthEventRepository() {}

    JpaAuthEventRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void appendAll(List<AuthEvent> events) {
        events.forEach(event -> em.persist(AuthEventEntity.from(event)));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendToCurrentTransaction(AuthEvent event) {
        em.persist(AuthEventEntity.from(event));
    }

    @Override
    public List<AuthEvent> search(AuthEventQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (query.type() != null) {
            where.add("e.type = :type");
            parameters.put("type", query.type().name());
        }
        if (query.userId() != null) {
            where.add("e.userId = :user");
            parameters.put("user", query.userId().toString());
        }
        if (query.email() != null) {
            where.add("e.email = :email");
            parameters.put("email", query.email());
        }
        if (query.actorId() != null) {
            where.add("e.actorId = :actor");
            parameters.put("actor", query.actorId().toString());
        }
        if (query.since() != null) {
            where.add("e.occurredAt >= :since");
            parameters.put("since", query.since().toEpochMilli());
        }
        if (query.until() != null) {
            where.add("e.occurredAt < :until");
            parameters.put("until", query.until().toEpochMilli());
        }
        if (query.cursor() != null) {
            where.add("(e.occurredAt < :at OR (e.occurredAt = :at AND e.id < :id))");
            parameters.put("at", query.cursor().occurredAtMillis());
            parameters.put("id", query.cursor().id());
        }
        String jpql = "SELECT e FROM AuthEventEntity e"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY e.occurredAt DESC, e.id DESC";
        TypedQuery<AuthEventEntity> typed = em.createQuery(jpql, AuthEventEntity.class);
        parameters.forEach(typed::setParameter);
        return typed.setMaxResults(query.limit())
                .getResultStream()
                .map(AuthEventEntity::toEvent)
                .toList();
    }

    /**
     * One native query that H2 and MariaDB both run as written: occurred_at is epoch milliseconds, so a bucket's
     * start is plain integer arithmetic, and the range condition uses the index on occurred_at. The bucket
     * width is a number from an enum, written into the text because some databases do not take a parameter as
     * part of a GROUP BY expression.
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<EventCount> count(EventStatsQuery query) {
        String bucketStart = "(occurred_at - MOD(occurred_at, " + query.bucket().millis() + "))";
        String sql = "SELECT " + bucketStart + ", type, outcome, COUNT(*) FROM auth_events"
                + " WHERE occurred_at >= ?1 AND occurred_at < ?2"
                + " GROUP BY " + bucketStart + ", type, outcome";
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter(1, query.since().toEpochMilli())
                .setParameter(2, query.until().toEpochMilli())
                .getResultList();
        return rows.stream()
                .map(row -> new EventCount(
                        Instant.ofEpochMilli(((Number) row[0]).longValue()),
                        AuthEventType.valueOf((String) row[1]),
                        Outcome.valueOf((String) row[2]),
                        ((Number) row[3]).longValue()))
                .toList();
    }

    @Override
    public int purgeBefore(Instant before) {
        return em.createQuery("DELETE FROM AuthEventEntity e WHERE e.occurredAt < :before")
                .setParameter("before", before.toEpochMilli())
                .executeUpdate();
    }
}
