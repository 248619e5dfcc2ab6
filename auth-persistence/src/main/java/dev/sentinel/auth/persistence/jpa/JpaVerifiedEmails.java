package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.user.VerifiedEmails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaVerifiedEmails implements VerifiedEmails {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    protected JpaVerifiedEmails() {}

    JpaVerifiedEmails(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean isVerified(UUID userId) {
        return em.find(VerifiedEmailEntity.class, userId.toString()) != null;
    }

    @Override
    public void markVerified(UUID userId, Instant at) {
        if (!isVerified(userId)) {
            em.persist(VerifiedEmailEntity.of(userId.toString(), at.toEpochMilli()));
        }
    }

    @Override
    public Set<UUID> verifiedAmong(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("SELECT v.userId FROM VerifiedEmailEntity v WHERE v.userId IN :ids", String.class)
                .setParameter("ids", userIds.stream().map(UUID::toString).toList())
                .getResultStream()
                .map(UUID::fromString)
                .collect(Collectors.toSet());
    }
}
