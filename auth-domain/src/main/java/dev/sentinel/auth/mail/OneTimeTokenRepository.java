package dev.sentinel.auth.mail;

import java.time.Instant;
import java.util.Optional;

public interface OneTimeTokenRepository {
    /** Stores the token and deletes the user's older tokens of the same purpose: the newest link alone works. */
    void replace(OneTimeToken token);

    Optional<OneTimeToken> find(String hash);

    /** Deletes the token; present only for the one caller that deleted it, so a token is used once. */
    Optional<OneTimeToken> consume(String hash);

    int purgeExpired(Instant before);
}
