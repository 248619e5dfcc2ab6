package dev.sentinel.auth.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface SessionRepository {
    void open(Session session, RefreshToken firstToken);

    Optional<Session> findSession(UUID sessionId);

    /**
     * Reads the token under a row lock held to the end of the transaction, so that concurrent refreshes
     * of one token, on any instance sharing the database, are decided one after the other.
     */
    Optional<RefreshToken> lockToken(String tokenHash);

    void rotate(RefreshToken rotated, RefreshToken successor, Instant now);

    /** The session goes on under a replaced password: the one who replaced it proved it. */
    void updateCredentialVersion(UUID sessionId, int credentialVersion);

    /** Revokes the sessions of the user that are still live, except {@code keep} when given; returns their ids. */
    List<UUID> revokeAllOf(UUID userId, UUID keep, Instant now);

    /** Revokes the session if it is the user's and still live. */
    boolean revoke(UUID userId, UUID sessionId, Instant now);

    List<Session> liveSessionsOf(UUID userId, Instant now);

    /** Ids of sessions revoked after {@code since}: the feed other instances read to refuse access tokens. */
    List<UUID> revokedSince(Instant since);

    /**
     * Erases the sealed successors of tokens rotated in [{@code rotatedFrom}, {@code rotatedBefore}): once the
     * reuse window is over, nothing may open them any more. Returns how many were erased.
     */
    int eraseSealedSuccessors(Instant rotatedFrom, Instant rotatedBefore);

    /** Deletes sessions revoked or expired before {@code endedBefore} or idle since before {@code idleBefore},
     * with their tokens, and every expired token; returns the number of sessions removed. */
    int purgeEnded(Instant endedBefore, Instant idleBefore);
}
