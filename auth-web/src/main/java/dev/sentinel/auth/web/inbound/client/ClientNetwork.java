package dev.sentinel.auth.web.inbound.client;

import dev.sentinel.auth.web.config.TrustedProxies;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What rate limits and lockout count a client by: an IPv4 address, or the /64 an IPv6 address is in, since a
 * single host is routinely given a whole /64 (RFC 4291 interface identifiers) and could otherwise rotate
 * through 2^64 addresses, each with buckets of its own.
 */
public final class ClientNetwork {
    private static final int IPV6_PREFIX_BYTES = 8;

    private ClientNetwork() {}

    public static String of(String ip) {
        if (ip == null) {
            return null;
        }
        byte[] address = TrustedProxies.literal(ip);
        if (address == null || address.length != 16) {
            return ip;
        }
        Arrays.fill(address, IPV6_PREFIX_BYTES, address.length, (byte) 0);
        try {
            return InetAddress.getByAddress(address).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return ip;
        }
    }
}
