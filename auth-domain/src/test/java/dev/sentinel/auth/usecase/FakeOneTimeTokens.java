package dev.sentinel.auth.usecase;

import dev.sentinel.auth.mail.OneTimeToken;
import dev.sentinel.auth.mail.OneTimeTokenRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class FakeOneTimeTokens implements OneTimeTokenRepository {
    final Map<String, OneTimeToken> rows = new HashMap<>();

    @Override
    public void replace(OneTimeToken token) {
        rows.values().removeIf(t -> t.userId().equals(token.userId()) && t.purpose() == token.purpose());
        rows.put(token.hash(), token);
    }

    @Override
    public Optional<OneTimeToken> find(String hash) {
        return Optional.ofNullable(rows.get(hash));
    }

    @Override
    public Optional<OneTimeToken> consume(String hash) {
        return Optional.ofNullable(rows.remove(hash));
    }

    @Override
    public int purgeExpired(Instant before) {
        int size = rows.size();
        rows.values().removeIf(t -> t.expiresAt().isBefore(before));
        return size - rows.size();
    }
}
