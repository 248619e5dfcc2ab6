package dev.sentinel.auth.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Like the signing keys: the first instance's key is the one every instance uses. */
class JpaKeyEncryptionKeysTest extends JpaTestSupport {
    @Test
    void everyInstanceGetsTheFirstStoredKey() {
        JpaKeyEncryptionKeys keys = new JpaKeyEncryptionKeys(em, new SeparateTransactionRowInserter(factory));

        byte[] first = keys.keepFirst(filled(1));
        byte[] second = keys.keepFirst(filled(2));

        assertArrayEquals(filled(1), first);
        assertArrayEquals(filled(1), second);
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
