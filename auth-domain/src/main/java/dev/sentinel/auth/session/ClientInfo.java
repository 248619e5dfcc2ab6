package dev.sentinel.auth.session;

/** Where a request came from, cut to the lengths the store keeps. */
public record ClientInfo(String ip, String userAgent) {
    public static final int MAX_IP = 45; // an IPv6 address in text form
    public static final int MAX_USER_AGENT = 255;

    public ClientInfo {
        ip = cut(ip, MAX_IP);
        userAgent = cut(userAgent, MAX_USER_AGENT);
    }

    private static String cut(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
