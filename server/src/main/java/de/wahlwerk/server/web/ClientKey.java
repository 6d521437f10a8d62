package de.wahlwerk.server.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The key under which a client address is rate limited. An IPv4 address is its own key. An IPv6
 * address is keyed by its /64 prefix: a provider hands a household or a host a whole /64 (often
 * more), and the host picks addresses inside it freely (privacy extensions change them daily), so
 * a limit per full IPv6 address could be escaped by counting up the last 64 bits. An IPv4-mapped
 * IPv6 address ({@code ::ffff:192.0.2.1}, as dual-stack sockets report IPv4 clients) is the IPv4
 * address it carries.
 */
public final class ClientKey {

    private static final int PREFIX_BYTES = 8;

    private ClientKey() {
    }

    /** The key of an address literal; anything that is not one (e.g. "?") is its own key. */
    public static String of(String address) {
        if (address == null || address.isEmpty()) {
            return "?";
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1)
                : address;
        InetAddress parsed;
        try {
            parsed = InetAddress.ofLiteral(literal); // parses only, never asks DNS
        } catch (IllegalArgumentException notALiteral) {
            return address;
        }
        if (parsed instanceof Inet4Address) {
            return parsed.getHostAddress();
        }
        byte[] bytes = parsed.getAddress(); // 16 bytes; the scope of a link-local address is dropped
        Arrays.fill(bytes, PREFIX_BYTES, bytes.length, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
