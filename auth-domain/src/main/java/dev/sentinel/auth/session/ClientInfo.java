package dev.sentinel.auth.session;

/**
 * Where a request came from, cut to the lengths the store keeps. {@code network} is what limits and lockout
 * count by: the IPv4 address, or the /64 an IPv6 address belongs to (a host owns the whole /64).
 */
public record ClientInfo(String ip, String userAgent, String network) {
    public static final int MAX_IP = 45; // an IPv6 address in text form
    public static final int MAX_USER_AGENT = 255;

    public ClientInfo {
        ip = cut(ip, MAX_IP);
        userAgent = cut(userAgent, MAX_USER_AGENT);
        network = network == null ? ip : cut(network, MAX_IP);
    }

    /** A client counted by its address. */
    public ClientInfo(String ip, String userAgent) {
        this(ip, userAgent, null);
    }

    private static String cut(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
