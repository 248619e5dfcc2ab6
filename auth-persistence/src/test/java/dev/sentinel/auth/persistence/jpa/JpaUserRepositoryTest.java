package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.EmailAlreadyTakenException;
import dev.sentinel.auth.user.Email;
import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import dev.sentinel.auth.user.UserSearch;
import dev.sentinel.auth.user.UserStatus;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JpaUserRepositoryTest extends JpaTestSupport {
    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00.123Z");

    private static final long COMMIT_DELAY_MILLIS = 300;

    private JpaUserRepository users;

    @BeforeEach
    void createRepository() {
        users = new JpaUserRepository(em);
    }

    private static User alice() {
        return User.register(new Email("Alice@Example.com"), " Alice ", "hash-1", NOW);
    }

    @Test
    void addedUserIsFoundByEmailAndIdWithItsRoles() {
        User alice = new User(
                UUID.randomUUID(),
                new Email("alice@example.com"),
                "Alice",
                "hash-1",
                Set.of(Role.USER, Role.ADMIN),
                NOW);
        tx.run(() -> users.add(alice));

        assertEquals(Optional.of(alice), tx.get(() -> users.findByEmail(new Email("ALICE@example.com"))));
        assertEquals(Optional.of(alice), tx.get(() -> users.findById(alice.id())));
        assertEquals(
                Set.of(Role.USER, Role.ADMIN),
                tx.get(() -> users.findById(alice.id())).orElseThrow().roles());
    }

    @Test
    void registeredUserRoundTripsWithNullDisplayNameAndUserRole() {
        User bob = User.register(new Email("bob@example.com"), null, "hash-b", NOW);
        tx.run(() -> users.add(bob));

        User found = tx.get(() -> users.findById(bob.id())).orElseThrow();
        assertEquals(bob, found);
        assertEquals(Set.of(Role.USER), found.roles());
    }

    @Test
    void unknownEmailAndIdAreEmpty() {
        assertTrue(
                tx.get(() -> users.findByEmail(new Email("nobody@example.com"))).isEmpty());
        assertTrue(tx.get(() -> users.findById(UUID.randomUUID())).isEmpty());
    }

    @Test
    void secondUserWithTheSameEmailIsRefused() {
        tx.run(() -> users.add(alice()));

        assertThrows(EmailAlreadyTakenException.class, () -> tx.run(() -> users.add(alice())));
        assertEquals(
                1L,
                tx.get(() -> em.createQuery("SELECT COUNT(u) FROM UserEntity u", Long.class)
                        .getSingleResult()));
    }

    /**
     * The race between instances: the other transaction's row is not committed when this one looks, so the
     * pre-check passes and the unique key decides. H2 makes the second insert wait for the first transaction
     * to end, then fails it with a unique key violation, which must come out as EmailAlreadyTakenException.
     */
    @Test
    void concurrentSignupWithTheSameEmailLosesOnTheUniqueKey() throws Exception {
        EntityManager otherEm = factory.createEntityManager();
        JpaUserRepository other = new JpaUserRepository(otherEm);
        CountDownLatch inserted = new CountDownLatch(1);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> new InTransaction(otherEm).run(() -> {
                other.add(alice());
                inserted.countDown();
                pause(COMMIT_DELAY_MILLIS); // commits while the insert below is waiting for it
            }));
            assertTrue(inserted.await(5, TimeUnit.SECONDS));

            assertThrows(
                    EmailAlreadyTakenException.class,
                    () -> tx.run(() -> {
                        assertTrue(
                                users.findByEmail(new Email("alice@example.com"))
                                        .isEmpty(),
                                "not committed yet");
                        users.add(alice());
                    }));
            first.get(5, TimeUnit.SECONDS);
        } finally {
            otherEm.close();
        }
        assertEquals(
                1L,
                tx.get(() -> em.createQuery("SELECT COUNT(u) FROM UserEntity u", Long.class)
                        .getSingleResult()));
    }

    @Test
    void updatePasswordHashReplacesOnlyTheHash() {
        User alice = alice();
        tx.run(() -> users.add(alice));

        tx.run(() -> users.updatePasswordHash(alice.id(), "hash-2"));

        User found = tx.get(() -> users.findById(alice.id())).orElseThrow();
        assertEquals("hash-2", found.passwordHash());
        assertEquals(
                new User(alice.id(), alice.email(), alice.displayName(), "hash-2", alice.roles(), alice.createdAt()),
                found);
    }

    @Test
    void replacePasswordRaisesTheCredentialVersionAndARehashDoesNot() {
        User alice = alice();
        tx.run(() -> users.add(alice));

        assertEquals(1, tx.get(() -> users.replacePassword(alice.id(), "hash-2")));
        tx.run(() -> users.updatePasswordHash(alice.id(), "hash-2-stronger"));

        User found = tx.get(() -> users.findById(alice.id())).orElseThrow();
        assertEquals("hash-2-stronger", found.passwordHash());
        assertEquals(1, found.credentialVersion());
    }

    @Test
    void grantRoleAddsAdminAndKeepsUser() {
        User alice = alice();
        tx.run(() -> users.add(alice));

        tx.run(() -> users.grantRole(alice.id(), Role.ADMIN));

        User found = tx.get(() -> users.findById(alice.id())).orElseThrow();
        assertEquals(Set.of(Role.USER, Role.ADMIN), found.roles());
        assertTrue(found.isAdmin());
        assertEquals(alice.email(), found.email());
        assertEquals(alice.passwordHash(), found.passwordHash());

        tx.run(() -> users.grantRole(alice.id(), Role.ADMIN)); // granting twice changes nothing
        assertEquals(
                Set.of(Role.USER, Role.ADMIN),
                tx.get(() -> users.findById(alice.id())).orElseThrow().roles());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void searchFindsPartsOfAddressesInOrderAndPagesAfterAnEmail() {
        for (String email :
                new String[] {"c_x@example.com", "a_x@example.com", "b%x@example.com", "other@example.org"}) {
            User user = User.register(new Email(email), null, "hash", NOW);
            tx.run(() -> users.add(user));
        }

        assertEquals(
                List.of("a_x@example.com", "c_x@example.com"),
                emails(new UserSearch("_x@", null, null, 10, "email:", NOW)));
        assertEquals(List.of("b%x@example.com"), emails(new UserSearch("%", null, null, 10, "email:", NOW)));
        assertEquals(
                List.of("b%x@example.com", "c_x@example.com"),
                emails(new UserSearch("example.com", null, "a_x@example.com", 2, "email:", NOW)));
    }

    @Test
    void disabledAndDemotedAdministratorsAreNotCountedAsActive() {
        User first = User.register(new Email("first@example.com"), null, "hash", NOW);
        User second = User.register(new Email("second@example.com"), null, "hash", NOW);
        tx.run(() -> users.add(first));
        tx.run(() -> users.add(second));
        tx.run(() -> users.replaceRoles(first.id(), Set.of(Role.USER, Role.ADMIN)));
        tx.run(() -> users.replaceRoles(second.id(), Set.of(Role.ADMIN, Role.USER)));
        assertEquals(2L, tx.get(() -> users.countActiveAdmins()));

        tx.run(() -> users.setDisabled(second.id(), true));
        assertEquals(1L, tx.get(() -> users.countActiveAdmins()));
        assertTrue(tx.get(() -> users.findById(second.id())).orElseThrow().disabled());
        assertEquals(
                List.of("second@example.com"),
                emails(new UserSearch(null, UserStatus.DISABLED, null, 10, "email:", NOW)));

        tx.run(() -> users.replaceRoles(first.id(), Set.of(Role.USER)));
        assertEquals(0L, tx.get(() -> users.countActiveAdmins()));
    }

    @Test
    void aLoginIsKeptAsTheLastLogin() {
        User user = alice();
        tx.run(() -> users.add(user));

        tx.run(() -> users.recordLogin(user.id(), NOW.plusSeconds(5)));

        assertEquals(
                NOW.plusSeconds(5),
                tx.get(() -> users.findById(user.id())).orElseThrow().lastLoginAt());
    }

    @Test
    void theAdministratorGuardIsTakenInsideATransaction() {
        tx.run(() -> users.lockAdministrators());
        tx.run(() -> users.lockAdministrators());
    }

    private List<String> emails(UserSearch search) {
        return tx.get(() -> users.search(search)).stream()
                .map(user -> user.email().value())
                .toList();
    }
}
