package dev.sentinel.auth.mfa;

/** Draws text as a QR code, for an authenticator app to scan. */
public interface QrCodes {
    /** A standalone SVG document. */
    String svg(String text);
}
