package de.wahlwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rate-limit keys: IPv4 per address, IPv6 per /64, IPv4-mapped IPv6 as IPv4. */
class ClientKeyTest {

    @Test
    void ipv4IsKeyedPerAddress() {
        assertThat(ClientKey.of("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientKey.of("192.0.2.2")).isNotEqualTo(ClientKey.of("192.0.2.1"));
    }

    @Test
    void ipv6AddressesInOneSlash64ShareAKeyAndOtherPrefixesDoNot() {
        String key = ClientKey.of("2001:db8:1:2::1");
        assertThat(key).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientKey.of("2001:db8:1:2:ffff:ffff:ffff:fffe")).isEqualTo(key);
        assertThat(ClientKey.of("[2001:0DB8:0001:0002:a:b:c:d]")).as("brackets, zeros, case").isEqualTo(key);
        assertThat(ClientKey.of("2001:db8:1:3::1")).as("the next /64").isNotEqualTo(key);
        assertThat(ClientKey.of("2001:db9:1:2::1")).isNotEqualTo(key);
        assertThat(ClientKey.of("fe80::1%1")).isEqualTo(ClientKey.of("fe80::2")).isEqualTo("fe80:0:0:0:0:0:0:0/64");
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Address() {
        assertThat(ClientKey.of("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientKey.of("0:0:0:0:0:ffff:c000:201")).isEqualTo("192.0.2.1");
        assertThat(ClientKey.of("::ffff:192.0.2.2")).as("mapped addresses stay per address")
                .isNotEqualTo(ClientKey.of("::ffff:192.0.2.1"));
    }

    @Test
    void whatIsNoAddressIsItsOwnKeyWithoutAskingDns() {
        assertThat(ClientKey.of("?")).isEqualTo("?");
        assertThat(ClientKey.of(null)).isEqualTo("?");
        assertThat(ClientKey.of("localhost")).isEqualTo("localhost");
    }
}
