package dev.sentinel.auth.web.outbound.hashing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.error.HashingBusyException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {

    private static Argon2idPasswordHasher hasher(int memoryKib, int iterations) {
        return hasher(memoryKib, iterations, 0);
    }

    private static Argon2idPasswordHasher hasher(int memoryKib, int iterations, int slots) {
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();
        hasher.memoryKib = memoryKib;
        hasher.iterations = iterations;
        hasher.parallelism = 1;
        hasher.maxConcurrent = slots;
        hasher.init();
        return hasher;
    }

    @Test
    void hashesAtOwaspParametersInPhcFormat() {
        String hash = hasher(19456, 2).hash("correct horse battery");

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    }

    @Test
    void verifiesTheRightPasswordOnlyAndExactly() {
        Argon2idPasswordHasher hasher = hasher(19456, 2);
        String hash = hasher.hash("correct horse battery");

        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse battery ", hash));
        assertFalse(hasher.verify("Correct horse battery", hash));
    }

    @Test
    void saltsEveryHash() {
        Argon2idPasswordHasher hasher = hasher(19456, 2);

        assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
    }

    @Test
    void aHashMadeWithOtherParametersStillVerifiesButWantsRehashing() {
        String old = hasher(8192, 1).hash("correct horse battery");
        Argon2idPasswordHasher current = hasher(19456, 2);

        assertTrue(current.verify("correct horse battery", old));
        assertTrue(current.needsRehash(old));
        assertFalse(current.needsRehash(current.hash("correct horse battery")));
    }

    @Test
    void reusedBlocksGiveTheSameHashAsFreshMemory() {
        Argon2idPasswordHasher hasher = hasher(8192, 2, 1);
        hasher.hash("first use fills the slot"); // from here on, blocks come back from the slot, zeroed
        PhcHash stored = PhcHash.parse(hasher.hash("correct horse battery"));

        byte[] fresh = new byte[stored.hash().length];
        Argon2BytesGenerator generator = new Argon2BytesGenerator(); // no pool: memory allocated afresh
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(8192)
                .withIterations(2)
                .withParallelism(1)
                .withSalt(stored.salt())
                .build());
        generator.generateBytes("correct horse battery".getBytes(StandardCharsets.UTF_8), fresh);

        assertArrayEquals(fresh, stored.hash());
    }

    @Test
    void aHashNeedingMoreMemoryThanTheSlotsKeepStillVerifies() {
        String bigger = hasher(32768, 1).hash("correct horse battery");
        Argon2idPasswordHasher smaller = hasher(8192, 1);

        assertTrue(smaller.verify("correct horse battery", bigger));
        assertTrue(smaller.verify("correct horse battery", bigger));
        assertFalse(smaller.verify("correct horse batter", bigger));
    }

    @Test
    void concurrentHashesSharingFewerSlotsThanThreadsAllVerify() throws Exception {
        Argon2idPasswordHasher hasher = hasher(1024, 1, 1);
        String hash = hasher.hash("correct horse battery");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> right = new ArrayList<>();
            List<Future<Boolean>> wrong = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                right.add(threads.submit(() -> hasher.verify("correct horse battery", hash)));
                wrong.add(threads.submit(() -> hasher.verify("wrong horse battery", hash)));
            }
            for (int i = 0; i < right.size(); i++) { // reused blocks start zeroed: no hash sees another's state
                assertTrue(right.get(i).get(30, TimeUnit.SECONDS));
                assertFalse(wrong.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFloodBeyondWhatOneSlotServesWithinTheBoundIsShedWithARetryTime() throws Exception {
        Argon2idPasswordHasher hasher = hasher(4096, 40, 1); // a slow hash, so that the flood outlasts the bound
        String hash = hasher.hash("correct horse battery");
        int flood = 40;
        ExecutorService threads = Executors.newFixedThreadPool(flood);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < flood; i++) {
                answers.add(threads.submit(() -> hasher.verify("correct horse battery", hash)));
            }
            int verified = 0;
            List<HashingBusyException> shed = new ArrayList<>();
            for (Future<Boolean> answer : answers) {
                try {
                    assertTrue(answer.get(60, TimeUnit.SECONDS));
                    verified++;
                } catch (ExecutionException e) {
                    shed.add(assertInstanceOfBusy(e.getCause()));
                }
            }
            assertEquals(flood, verified + shed.size());
            assertTrue(verified > 0, "nothing was served");
            assertFalse(shed.isEmpty(), "all " + flood + " waited, however long the queue");
            shed.forEach(busy -> assertTrue(busy.retryAfter().compareTo(Duration.ofSeconds(1)) >= 0));
        } finally {
            threads.shutdownNow();
        }
    }

    private static HashingBusyException assertInstanceOfBusy(Throwable thrown) {
        assertTrue(thrown instanceof HashingBusyException, () -> "unexpected failure: " + thrown);
        return (HashingBusyException) thrown;
    }

    @Test
    void slotsDefaultToOnePerCoreWithinTheHeapShareTheirMemoryMayTake() {
        long mib = 1024L * 1024;
        assertEquals(2, Argon2idPasswordHasher.defaultSlots(2, 256 * mib, 19456));
        assertEquals(5, Argon2idPasswordHasher.defaultSlots(16, 256 * mib, 19456)); // 5 x 19 MiB <= 40 % of 256
        assertEquals(16, Argon2idPasswordHasher.defaultSlots(16, 4096 * mib, 19456));
        assertEquals(1, Argon2idPasswordHasher.defaultSlots(8, 32 * mib, 19456));
    }

    @Test
    void somethingThatIsNotAnArgon2idHashIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> hasher(19456, 2).verify("x", "$2a$10$bcrypt"));
    }
}
