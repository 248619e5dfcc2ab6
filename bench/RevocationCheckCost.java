import dev.sentinel.auth.web.token.RevocationList;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The cost of the revocation check a protected request pays: a lookup in the in-memory set of revoked
 * sessions (RevocationList), here holding 100 000 of them. Run by bench/revocation-check after a build.
 */
public class RevocationCheckCost {
    public static void main(String[] args) {
        RevocationList list = new RevocationList();
        List<UUID> revoked = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) revoked.add(UUID.randomUUID());
        try {
            var clock = RevocationList.class.getDeclaredField("clock");
            clock.setAccessible(true);
            clock.set(list, java.time.Clock.systemUTC());
        } catch (ReflectiveOperationException e) { throw new IllegalStateException(e); }
        list.revoked(revoked);
        UUID[] probes = new UUID[1024];
        for (int i = 0; i < probes.length; i++) probes[i] = i % 2 == 0 ? revoked.get(i) : UUID.randomUUID();
        long hits = 0;
        for (int round = 0; round < 3; round++) {
            long n = 20_000_000L, start = System.nanoTime();
            for (long i = 0; i < n; i++) if (list.isRevoked(probes[(int) (i & 1023)])) hits++;
            System.out.printf("%.1f ns per check (100k revoked sessions)%n", (System.nanoTime() - start) / (double) n);
        }
        System.out.println(hits > 0 ? "(" + hits + " hits)" : "no hits: the measurement is wrong");
    }
}
