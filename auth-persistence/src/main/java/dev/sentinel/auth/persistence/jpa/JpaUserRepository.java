package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.error.EmailAlreadyTakenException;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.Optional;
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

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int lockCredentialVersion(UUID userId) {
        return em.createQuery("SELECT u.credentialVersion FROM UserEntity u WHERE u.id = :id", Integer.class)
                .setParameter("id", userId.toString())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
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
}
