package dev.sentinel.auth.it.support;

/** The sleep between two polls of something the server does asynchronously. */
public final class Pause {
    private Pause() {}

    /** Sleeps; an interrupt ends the test rather than being swallowed by a polling loop. */
    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
