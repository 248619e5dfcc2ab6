package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.error.EmailAlreadyTakenException;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import dev.sentinel.auth.user.UserSearch;
import dev.sentinel.auth.user.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@TranslatesStoreErrors
@Transactional
public class JpaUserRepository implements UserRepository {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    protected JpaUserRepository() {}

    JpaUserRepository(EntityManager em) {
        this.em = em;
    }

    /** Reads join a transaction when there is one, and start none: a JTA transaction per read costs. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> findByEmail(Email email) {
        return em.createQuery("SELECT u FROM UserEntity u WHERE u.email = :email", UserEntity.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst()
                .map(UserEntity::toUser);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(em.find(UserEntity.class, id.toString())).map(UserEntity::toUser);
    }

    /** The unique key on email decides races, also between instances: the loser gets a 409. */
    @Override
    public void add(User user) {
        if (findByEmail(user.email()).isPresent()) {
            throw new EmailAlreadyTakenException();
        }
        try {
            em.persist(UserEntity.from(user));
            em.flush();
        } catch (PersistenceException e) {
            if (PersistenceExceptionConverter.isConstraintViolation(e)) {
                throw new EmailAlreadyTakenException();
            }
            throw e;
        }
    }

    @Override
    public void updatePasswordHash(UUID userId, String passwordHash) {
        em.createQuery("UPDATE UserEntity u SET u.passwordHash = :hash WHERE u.id = :id")
                .setParameter("hash", passwordHash)
                .setParameter("id", userId.toString())
                .executeUpdate();
    }

    @Override
    public int replacePassword(UUID userId, String passwordHash) {
        em.createQuery("UPDATE UserEntity u SET u.passwordHash = :hash, "
                        + "u.credentialVersion = u.credentialVersion + 1 WHERE u.id = :id")
                .setParameter("hash", passwordHash)
                .setParameter("id", userId.toString())
                .executeUpdate();
        return em.createQuery("SELECT u.credentialVersion FROM UserEntity u WHERE u.id = :id", Integer.class)
                .setParameter("id", userId.toString())
                .getResultStream()
                .findFirst()
                .orElse(-1);
    }

    /** Changes only the roles column, under a row lock, so that a concurrent password change survives. */
    @Override
    public void grantRole(UUID userId, Role role) {
        UserEntity entity = em.find(UserEntity.class, userId.toString(), LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            return;
        }
        EnumSet<Role> roles = EnumSet.copyOf(entity.toUser().roles());
        roles.add(role);
        entity.changeRoles(roles);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<User> lock(UUID userId) {
        return Optional.ofNullable(em.find(UserEntity.class, userId.toString(), LockModeType.PESSIMISTIC_WRITE))
                .map(UserEntity::toUser);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordLogin(UUID userId, Instant at) {
        em.createQuery("UPDATE UserEntity u SET u.lastLoginAt = :at WHERE u.id = :id")
                .setParameter("at", at.toEpochMilli())
                .setParameter("id", userId.toString())
                .executeUpdate();
    }

    @Override
    public void setDisabled(UUID userId, boolean disabled) {
        em.createQuery("UPDATE UserEntity u SET u.disabled = :disabled WHERE u.id = :id")
                .setParameter("disabled", disabled)
                .setParameter("id", userId.toString())
                .executeUpdate();
    }

    @Override
    public void replaceRoles(UUID userId, Set<Role> roles) {
        em.createQuery("UPDATE UserEntity u SET u.roles = :roles WHERE u.id = :id")
                .setParameter("roles", UserEntity.rolesColumn(roles))
                .setParameter("id", userId.toString())
                .executeUpdate();
    }

    /**
     * An update of the one row of admin_guard: it waits for the row lock of any other such transaction (H2,
     * MariaDB), and on Galera, where locks stay on their node, two of them conflict at commit and the loser is
     * run again (ConflictRetry). READ COMMITTED reads after it see what the previous holder committed.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAdministrators() {
        int updated = em.createNativeQuery("UPDATE admin_guard SET changes = changes + 1 WHERE id = 1")
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("admin_guard has no row: the V10 migration did not run");
        }
    }

    /** The roles column holds sorted group names joined by commas; only whole names count. */
    @Override
    public long countActiveAdmins() {
        return em.createQuery(
                        "SELECT COUNT(u) FROM UserEntity u WHERE u.disabled = FALSE AND "
                                + "LOCATE(:admin, CONCAT(CONCAT(',', u.roles), ',')) > 0",
                        Long.class)
                .setParameter("admin", "," + Role.ADMIN.group() + ",")
                .getSingleResult();
    }

    /**
     * LOCATE, not LIKE, finds the search text: addresses hold '_' and '%'. A locked account has an account-wide
     * lockout counter whose lock runs past now.
     */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<User> search(UserSearch search) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (search.emailContains() != null) {
            where.add("LOCATE(:part, u.email) > 0");
            parameters.put("part", search.emailContains());
        }
        if (search.afterEmail() != null) {
            where.add("u.email > :after");
            parameters.put("after", search.afterEmail());
        }
        if (search.status() != null) {
            String locked = "EXISTS (SELECT f FROM LoginFailureEntity f WHERE f.emailKey = CONCAT(:prefix, u.email)"
                    + " AND f.lockedUntil > :now)";
            switch (search.status()) {
                case DISABLED -> where.add("u.disabled = TRUE");
                case LOCKED -> where.add(locked);
                case ACTIVE -> where.add("u.disabled = FALSE AND NOT " + locked);
            }
            if (search.status() != UserStatus.DISABLED) {
                parameters.put("prefix", search.lockKeyPrefix());
                parameters.put("now", search.now().toEpochMilli());
            }
        }
        String jpql = "SELECT u FROM UserEntity u"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY u.email";
        TypedQuery<UserEntity> query = em.createQuery(jpql, UserEntity.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(search.limit())
                .getResultStream()
                .map(UserEntity::toUser)
                .toList();
    }
}
