import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw Argon2id rate of the service's parameters, in process, on 1..N threads: the ceiling for logins.
 * Each thread reuses its own blocks, as the service's hash slots do (and as fast as Bouncy Castle goes).
 * Usage: java -cp bcprov.jar HashRate.java memoryKib iterations parallelism seconds threads...
 */
public class HashRate {
    private static final ThreadLocal<Argon2BytesGenerator.BlockPool> BLOCKS = new ThreadLocal<>();

    public static void main(String[] args) throws Exception {
        int memory = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        int parallelism = Integer.parseInt(args[2]);
        double seconds = Double.parseDouble(args[3]);
        warmUp(memory, iterations, parallelism);
        StringBuilder json = new StringBuilder("{");
        for (int i = 4; i < args.length; i++) {
            int threads = Integer.parseInt(args[i]);
            double rate = measure(memory, iterations, parallelism, seconds, threads);
            json.append(i > 4 ? "," : "").append('"').append(threads).append("\":").append(String.format("%.2f", rate));
        }
        System.out.println(json.append('}'));
    }

    private static void warmUp(int memory, int iterations, int parallelism) {
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            hash(memory, iterations, parallelism);
        }
    }

    private static double measure(int memory, int iterations, int parallelism, double seconds, int threads)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(threads);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                while (System.nanoTime() < end) {
                    hash(memory, iterations, parallelism);
                    done.incrementAndGet();
                }
                finished.countDown();
            }).start();
        }
        finished.await();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void hash(int memory, int iterations, int parallelism) {
        if (BLOCKS.get() == null) {
            BLOCKS.set(new Argon2BytesGenerator.FixedBlockPool(Argon2BytesGenerator.getBlockCount(memory, parallelism)));
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memory)
                .withIterations(iterations).withParallelism(parallelism).withSalt(salt)
                .withBlockPool(BLOCKS.get()).build());
        byte[] out = new byte[32];
        generator.generateBytes("correct horse battery".getBytes(StandardCharsets.UTF_8), out);
    }
}
