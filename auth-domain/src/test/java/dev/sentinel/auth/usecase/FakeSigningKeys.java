package dev.sentinel.auth.usecase;

import dev.sentinel.auth.token.KeyPairSource;
import dev.sentinel.auth.token.NewKeyPair;
import dev.sentinel.auth.token.SigningKey;
import dev.sentinel.auth.token.SigningKeyRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Keys in memory, with the store's unique generation; also hands out numbered key pairs. */
final class FakeSigningKeys implements SigningKeyRepository, KeyPairSource {
    final List<SigningKey> stored = new ArrayList<>();
    private int generated;
    int prepared;

    @Override
    public List<SigningKey> all() {
        return stored.stream()
                .sorted(Comparator.comparingInt(SigningKey::generation).reversed())
                .toList();
    }

    @Override
    public boolean add(SigningKey key) {
        if (stored.stream().anyMatch(k -> k.generation() == key.generation())) {
            return false;
        }
        return stored.add(key);
    }

    @Override
    public void replacePrivateKey(String kid, String expected, String replacement) {
        stored.replaceAll(
                k -> k.kid().equals(kid) && k.privateKey().equals(expected) ? k.withPrivateKey(replacement) : k);
    }

    @Override
    public void remove(Collection<String> kids) {
        stored.removeIf(k -> kids.contains(k.kid()));
    }

    @Override
    public NewKeyPair generate() {
        generated++;
        return new NewKeyPair("kid-" + generated, "RS256", "private-" + generated, "public-" + generated);
    }

    @Override
    public void prepare() {
        prepared++;
    }
}
