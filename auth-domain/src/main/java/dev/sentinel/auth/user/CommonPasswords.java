package dev.sentinel.auth.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 10,000 most common passwords (ASVS 6.2.4), shipped as a resource (see common-passwords.NOTICE beside
 * it for where the list came from). Compared without case, and also without trailing digits and symbols,
 * so that "Password1!" counts as the listed "password".
 */
public final class CommonPasswords {
    private static final String RESOURCE = "common-passwords.txt";
    /** A shorter word followed by digits can still be strong ("ok" and ten digits). */
    private static final int MIN_STEM = 4;

    private static final Set<String> LIST = load();

    private CommonPasswords() {}

    public static boolean contains(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (LIST.contains(lower)) {
            return true;
        }
        String stem = lower.replaceFirst("[^\\p{L}]+$", "");
        return stem.length() >= MIN_STEM && !stem.equals(lower) && LIST.contains(stem);
    }

    /** Distinct entries without case: 9,913 of the list's 10,000 lines. */
    public static int size() {
        return LIST.size();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Set<String> passwords = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isEmpty())
                    .forEach(line -> passwords.add(line.toLowerCase(Locale.ROOT)));
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
