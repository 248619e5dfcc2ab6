package dev.sentinel.auth.session;

public enum RefreshDecision {
    /** A live, unused token: issue a successor and mark this one rotated. */
    ROTATE,
    /** A token rotated moments ago (another tab, a retried request): hand out the same successor. */
    REPLAY_SUCCESSOR,
    /** A rotated token presented after the grace window: someone holds a stolen copy. */
    REUSE_DETECTED,
    EXPIRED,
    SESSION_ENDED
}
