package dev.sentinel.auth.web.outbound.hashing;

import dev.sentinel.auth.error.HashingBusyException;
import dev.sentinel.auth.user.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id (Bouncy Castle) at OWASP's minimum: 19 MiB, 2 iterations, parallelism 1. Hashes are PHC strings
 * that carry their parameters, so raising them later only means rehashing at the next login.
 * Concurrent hashes are capped at the number of cores: more would only add memory (19 MiB each), not speed.
 * Unless configured, they are also capped so that their memory stays within {@link #HEAP_SHARE} of the heap: with
 * the recommended 256 MiB heap, a machine of 16 cores would otherwise keep 16 x 19 MiB and run out of memory.
 * Each of those slots keeps its own 19 MiB of blocks for good: allocating them afresh per login made the
 * collector copy and promote in-flight hashes, and its pauses halved the login rate (bench/run). One pool per
 * slot rather than one shared pool, because the shared pool's lock is taken for every 1 KiB block.
 * The wait for a slot is bounded (docs/api.md, "Rate limits and lockout"): a request that would wait longer
 * than {@link #MAX_WAIT}, judged from the queue ahead of it and the measured time of a hash, or that did
 * wait that long, is shed with {@link HashingBusyException} instead of piling up behind a flood.
 */
@ApplicationScoped
public class Argon2idPasswordHasher implements PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    static final Duration MAX_WAIT = Duration.ofSeconds(2);
    /** Of the heap, what the slots may keep at most by default; the rest is the server's own (about 90 MiB). */
    static final double HEAP_SHARE = 0.4;

    private static final Logger LOG = Logger.getLogger(Argon2idPasswordHasher.class.getName());

    private final AtomicInteger waiting = new AtomicInteger();
    /** Moving average of the time one hash holds a slot; 0 until the first hash is measured. */
    private final AtomicLong hashNanos = new AtomicLong();

    private final SecureRandom random = new SecureRandom();
    private Argon2Settings settings;
    private Semaphore permits;
    private int concurrent;
    /** As many as there are permits, so a permit holder always finds one. */
    private Queue<Argon2BytesGenerator.BlockPool> slots;

    @Inject
    @ConfigProperty(name = "auth.password-hash.memory-kib", defaultValue = "19456")
    int memoryKib;

    @Inject
    @ConfigProperty(name = "auth.password-hash.iterations", defaultValue = "2")
    int iterations;

    @Inject
    @ConfigProperty(name = "auth.password-hash.parallelism", defaultValue = "1")
    int parallelism;

    @Inject
    @ConfigProperty(name = "auth.password-hash.max-concurrent", defaultValue = "0")
    int maxConcurrent;

    @jakarta.annotation.PostConstruct
    void init() {
        settings = new Argon2Settings(memoryKib, iterations, parallelism);
        int cores = Runtime.getRuntime().availableProcessors();
        concurrent = maxConcurrent > 0
                ? maxConcurrent
                : defaultSlots(cores, Runtime.getRuntime().maxMemory(), memoryKib);
        if (maxConcurrent <= 0 && concurrent < cores) {
            LOG.info(() -> "Password hashes run " + concurrent + " at a time, not one per core, to keep their "
                    + memoryKib / 1024 + " MiB each within the heap; a larger -Xmx lets them use every core");
        }
        int blocksPerHash = Argon2BytesGenerator.getBlockCount(memoryKib, parallelism);
        permits = new Semaphore(concurrent, true);
        slots = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < concurrent; i++) {
            // blocks come back zeroed; a hash with larger (older) parameters allocates the rest afresh
            slots.add(new Argon2BytesGenerator.FixedBlockPool(blocksPerHash));
        }
    }

    /** One per core, as many as fit in {@link #HEAP_SHARE} of the heap, and at least one. */
    static int defaultSlots(int cores, long maxHeapBytes, int memoryKib) {
        long fit = (long) (maxHeapBytes * HEAP_SHARE) / (memoryKib * 1024L);
        return (int) Math.max(1, Math.min(cores, fit));
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PhcHash(settings, salt, derive(password, settings, salt, HASH_BYTES)).encode();
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        PhcHash stored = PhcHash.parse(encodedHash);
        byte[] candidate = derive(password, stored.settings(), stored.salt(), stored.hash().length);
        return MessageDigest.isEqual(candidate, stored.hash());
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        return !PhcHash.parse(encodedHash).settings().equals(settings);
    }

    private byte[] derive(String password, Argon2Settings with, byte[] salt, int length) {
        acquireWithinBound();
        long started = System.nanoTime();
        Argon2BytesGenerator.BlockPool slot = slots.poll();
        try { // init takes the memory: it belongs inside the permit too, or waiting requests would hold memory
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(with.memoryKib())
                    .withIterations(with.iterations())
                    .withParallelism(with.parallelism())
                    .withSalt(salt)
                    .withBlockPool(slot)
                    .build());
            byte[] out = new byte[length];
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
            return out;
        } finally {
            slots.add(slot);
            permits.release();
            measured(System.nanoTime() - started);
        }
    }

    private void acquireWithinBound() {
        long expected = expectedWaitNanos(waiting.get());
        if (expected > MAX_WAIT.toNanos()) {
            throw busy();
        }
        waiting.incrementAndGet();
        try {
            if (!permits.tryAcquire(MAX_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Every slot serves the queue ahead in turns of one hash each. */
    private long expectedWaitNanos(int ahead) {
        return (long) Math.ceil((double) ahead / concurrent) * hashNanos.get();
    }

    /** Retry once the queue now waiting has drained, at the least one second. */
    private HashingBusyException busy() {
        long drain = expectedWaitNanos(waiting.get() + 1);
        return new HashingBusyException(
                Duration.ofNanos(Math.max(drain, Duration.ofSeconds(1).toNanos())));
    }

    private void measured(long nanos) {
        // an exponential moving average (1/8 weight); a lost update under a race only delays the adaptation
        long mean = hashNanos.get();
        hashNanos.set(mean == 0 ? nanos : mean + (nanos - mean) / 8);
    }
}
