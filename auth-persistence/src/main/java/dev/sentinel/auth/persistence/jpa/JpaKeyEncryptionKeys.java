package dev.sentinel.auth.persistence.jpa;

import dev.sentinel.auth.secret.KeyEncryptionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Base64;

@ApplicationScoped
@TranslatesStoreErrors
public class JpaKeyEncryptionKeys implements KeyEncryptionKeys {
    @PersistenceContext(unitName = "auth")
    EntityManager em;

    @Inject
    RowInserter inserter;

    protected JpaKeyEncryptionKeys() {}

    JpaKeyEncryptionKeys(EntityManager em, RowInserter inserter) {
        this.em = em;
        this.inserter = inserter;
    }

    @Override
    public byte[] keepFirst(byte[] candidate) {
        KeyEncryptionKeyEntity row = new KeyEncryptionKeyEntity();
        row.id = KeyEncryptionKeyEntity.THE_KEY;
        row.keyBytes = Base64.getEncoder().encodeToString(candidate);
        row.createdAt = System.currentTimeMillis();
        inserter.insertIfAbsent(row);
        return stored();
    }

    /** Read without a transaction of its own: the row never changes once written. */
    private byte[] stored() {
        return Base64.getDecoder()
                .decode(em.find(KeyEncryptionKeyEntity.class, KeyEncryptionKeyEntity.THE_KEY).keyBytes);
    }
}
