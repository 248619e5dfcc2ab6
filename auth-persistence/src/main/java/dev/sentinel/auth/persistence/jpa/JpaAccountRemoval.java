package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.user.AccountRemoval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The schema's foreign keys (ON DELETE CASCADE) take sessions, tokens, mails and verification with the user;
 * each session leaves its id in removed_sessions, which the revocation feed reads next to revoked sessions.
 */
@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaAccountRemoval implements AccountRemoval {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    protected JpaAccountRemoval() {}

    JpaAccountRemoval(EntityManager em) {
        this.em = em;
    }

    @Override
    public void remove(UUID userId) {
        em.createQuery("UPDATE AuthEventEntity e SET e.email = NULL WHERE e.userId = :user")
                .setParameter("user", userId.toString())
                .executeUpdate();
        em.createNativeQuery("INSERT INTO removed_sessions (session_id, removed_at) SELECT id, ? FROM sessions"
                        + " WHERE user_id = ?")
                .setParameter(1, System.currentTimeMillis())
                .setParameter(2, userId.toString())
                .executeUpdate();
        em.createQuery("DELETE FROM UserEntity u WHERE u.id = :user")
                .setParameter("user", userId.toString())
                .executeUpdate();
    }
}
