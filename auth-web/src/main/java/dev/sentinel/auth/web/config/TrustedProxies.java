package dev.sentinel.auth.web.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The CIDR blocks (auth.trusted-proxies) whose X-Forwarded-For we believe. */
public final class TrustedProxies {
    private final List<Block> blocks;

    public TrustedProxies(List<String> cidrs) {
        this.blocks = cidrs.stream().map(Block::parse).toList();
    }

    public boolean trusts(String address) {
        if (blocks.isEmpty() || address == null) {
            return false;
        }
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    /** One text per address (IPv6 has many spellings), so that rate-limit keys cannot be dodged by rewriting it. */
    public static String canonical(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return address;
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Parses only IP literals: a host name here would mean a DNS lookup per request. */
    public static byte[] literal(String address) {
        String candidate = address.strip();
        if (!candidate.matches("[0-9a-fA-F:.]+") || candidate.isEmpty()) {
            return null;
        }
        try {
            return InetAddress.getByName(candidate).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Block(byte[] network, int prefix) {
        static Block parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            byte[] network = literal(parts[0]);
            if (network == null) {
                throw new IllegalArgumentException("auth.trusted-proxies: not an IP address or CIDR block: " + cidr);
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("auth.trusted-proxies: bad prefix length in " + cidr);
            }
            return new Block(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest);
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
