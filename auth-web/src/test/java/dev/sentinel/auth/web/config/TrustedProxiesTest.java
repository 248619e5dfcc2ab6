package dev.sentinel.auth.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void trustsAddressesInsideTheConfiguredBlocksOnly() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.168.1.7", "2001:db8::/32"));

        assertTrue(proxies.trusts("10.200.3.4"));
        assertTrue(proxies.trusts("192.168.1.7"));
        assertTrue(proxies.trusts("2001:db8:0:0:0:0:0:1"));
        assertFalse(proxies.trusts("11.0.0.1"));
        assertFalse(proxies.trusts("192.168.1.8"));
        assertFalse(proxies.trusts("2001:db9::1"));
    }

    @Test
    void prefixesThatAreNotWholeBytesAreHonoured() {
        TrustedProxies proxies = new TrustedProxies(List.of("172.16.0.0/12"));

        assertTrue(proxies.trusts("172.31.255.255"));
        assertFalse(proxies.trusts("172.32.0.0"));
    }

    @Test
    void noBlocksTrustNobody() {
        assertFalse(new TrustedProxies(List.of()).trusts("127.0.0.1"));
    }

    @Test
    void hostNamesAreNeverLookedUp() {
        TrustedProxies proxies = new TrustedProxies(List.of("127.0.0.0/8"));

        assertFalse(proxies.trusts("localhost"));
        assertFalse(proxies.trusts("127.0.0.1.example.com"));
    }

    @Test
    void aMalformedBlockIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("proxy.example")));
    }

    @Test
    void everySpellingOfAnIpv6AddressHasOneCanonicalText() {
        assertEquals(TrustedProxies.canonical("2001:db8::1"), TrustedProxies.canonical("2001:0db8:0:0:0:0:0:0001"));
        assertEquals("10.1.2.3", TrustedProxies.canonical("10.1.2.3"));
    }
}
