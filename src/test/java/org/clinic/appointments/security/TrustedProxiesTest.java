package org.clinic.appointments.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.5, 192.168.10.0/24, fd00::/8");

    @Test
    void nobodyIsTrustedByDefault() {
        TrustedProxies none = TrustedProxies.parse("");
        assertEquals("10.0.0.5", none.clientAddress("10.0.0.5", "203.0.113.9"));
        assertFalse(none.forwardedHttps("10.0.0.5", "https"));
    }

    @Test
    void aTrustedProxyGivesTheClientsAddressAndScheme() {
        assertEquals("203.0.113.9", proxies.clientAddress("10.0.0.5", "203.0.113.9"));
        assertEquals("203.0.113.9", proxies.clientAddress("192.168.10.77", "203.0.113.9"));
        assertEquals("2001:db8::1", proxies.clientAddress("fd00::2", "2001:db8::1"));
        assertTrue(proxies.forwardedHttps("10.0.0.5", "https"));
        assertFalse(proxies.forwardedHttps("10.0.0.5", "http"));
    }

    @Test
    void anyoneElsesForwardedHeadersAreIgnored() {
        assertEquals("198.51.100.4", proxies.clientAddress("198.51.100.4", "203.0.113.9"));
        assertEquals("192.168.11.1", proxies.clientAddress("192.168.11.1", "203.0.113.9"));
        assertFalse(proxies.forwardedHttps("198.51.100.4", "https"));
    }

    @Test
    void addressesTheClientWroteItselfAreSkipped() {
        // the client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the address it saw
        assertEquals("203.0.113.9", proxies.clientAddress("10.0.0.5", "1.2.3.4, 203.0.113.9"));
        // a chain of trusted proxies is walked back to the first address none of them is
        assertEquals("203.0.113.9", proxies.clientAddress("10.0.0.5", "1.2.3.4, 203.0.113.9, 192.168.10.3"));
        // a made-up entry that is not an address ends the walk at the peer
        assertEquals("10.0.0.5", proxies.clientAddress("10.0.0.5", "evil.example, "));
        assertEquals("10.0.0.5", proxies.clientAddress("10.0.0.5", "unknown"));
    }

    @Test
    void namesAreNeverLookedUpAndBadEntriesAreNamed() {
        assertFalse(proxies.trusts("localhost"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse("10.0.0.5, proxy.example"));
        assertTrue(bad.getMessage().contains("proxy.example"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/x"));
    }
}
