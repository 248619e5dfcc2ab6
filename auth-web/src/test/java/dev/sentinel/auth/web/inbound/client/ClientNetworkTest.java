package dev.sentinel.auth.web.inbound.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ClientNetworkTest {
    @Test
    void anIpv4AddressIsItsOwnClient() {
        assertEquals("203.0.113.7", ClientNetwork.of("203.0.113.7"));
    }

    @Test
    void everyAddressOfAnIpv6Slash64IsOneClient() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientNetwork.of("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientNetwork.of("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    }

    @Test
    void neighbouringSlash64sAreDifferentClients() {
        assertEquals("2001:db8:1:3:0:0:0:0/64", ClientNetwork.of("2001:db8:1:3::1"));
    }

    @Test
    void anUnknownClientStaysUnknown() {
        assertNull(ClientNetwork.of(null));
    }
}
