package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.mail.MailPurpose;
import dev.sentinel.auth.mail.MailQueue;
import dev.sentinel.auth.mail.QueuedMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaMailQueue implements MailQueue {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    protected JpaMailQueue() {}

    JpaMailQueue(EntityManager em) {
        this.em = em;
    }

    @Override
    public void enqueue(QueuedMail mail) {
        em.persist(MailQueueEntity.from(mail));
    }

    @Override
    public List<QueuedMail> due(Instant now, int limit) {
        return em
                .createQuery(
                        "SELECT m FROM MailQueueEntity m WHERE m.sentAt IS NULL AND m.nextAttemptAt <= :now "
                                + "ORDER BY m.nextAttemptAt",
                        MailQueueEntity.class)
                .setParameter("now", now.toEpochMilli())
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(MailQueueEntity::toQueuedMail)
                .toList();
    }

    /** The attempt count is the row's version: of two instances claiming one attempt, one updates the row. */
    @Override
    public boolean claim(QueuedMail mail, Instant nextAttemptAt) {
        return em.createQuery("UPDATE MailQueueEntity m SET m.attempts = m.attempts + 1, m.nextAttemptAt = :next "
                                + "WHERE m.id = :id AND m.attempts = :attempts AND m.sentAt IS NULL")
                        .setParameter("next", nextAttemptAt.toEpochMilli())
                        .setParameter("id", mail.id().toString())
                        .setParameter("attempts", mail.attempts())
                        .executeUpdate()
                == 1;
    }

    @Override
    public void markSent(UUID id, Instant at) {
        em.createQuery("UPDATE MailQueueEntity m SET m.sentAt = :at WHERE m.id = :id")
                .setParameter("at", at.toEpochMilli())
                .setParameter("id", id.toString())
                .executeUpdate();
    }

    @Override
    public void remove(UUID id) {
        em.createQuery("DELETE FROM MailQueueEntity m WHERE m.id = :id")
                .setParameter("id", id.toString())
                .executeUpdate();
    }

    @Override
    public int countQueuedSince(String email, MailPurpose purpose, Instant since) {
        return em.createQuery(
                        "SELECT COUNT(m) FROM MailQueueEntity m WHERE m.email = :email AND m.purpose = :purpose "
                                + "AND m.queuedAt >= :since",
                        Long.class)
                .setParameter("email", email)
                .setParameter("purpose", purpose.name())
                .setParameter("since", since.toEpochMilli())
                .getSingleResult()
                .intValue();
    }

    @Override
    public int purgeSentBefore(Instant before) {
        return em.createQuery("DELETE FROM MailQueueEntity m WHERE m.sentAt IS NOT NULL AND m.sentAt < :before")
                .setParameter("before", before.toEpochMilli())
                .executeUpdate();
    }
}
