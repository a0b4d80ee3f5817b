package org.clinic.appointments.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The TLS-terminating proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers are believed
 * ({@code appointments.trusted-proxies}: addresses or CIDR ranges, comma-separated; empty by default, so nobody's
 * headers are). A request from anyone else is taken as it arrived.
 */
public final class TrustedProxies {

    public static final String SETTING = "appointments.trusted-proxies";

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** @throws IllegalArgumentException naming the entry that is neither an address nor a CIDR range */
    public static TrustedProxies parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        if (setting != null) {
            for (String entry : setting.split(",")) {
                if (!entry.isBlank()) {
                    ranges.add(Range.parse(entry.strip()));
                }
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean trusts(String address) {
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    /**
     * The client's address: the peer itself, or, when the peer is trusted, the right-most address of
     * {@code X-Forwarded-For} that is not a trusted proxy (entries further left could be made up by the client).
     */
    public String clientAddress(String peer, String forwardedFor) {
        if (forwardedFor == null || !trusts(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop).isEmpty()) {
                return peer;
            }
            if (!trusts(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** Whether the client's request reached the trusted peer over HTTPS. */
    public boolean forwardedHttps(String peer, String forwardedProto) {
        if (forwardedProto == null || !trusts(peer)) {
            return false;
        }
        String[] protos = forwardedProto.split(",");
        return "https".equals(protos[protos.length - 1].strip().toLowerCase(Locale.ROOT));
    }

    /** An IP literal's bytes; never a name lookup. */
    private static Optional<byte[]> literal(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9a-fA-F:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    SETTING + ": '" + entry + "' is neither an IP address nor a CIDR range"));
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException(SETTING + ": '" + entry + "' has no valid prefix length");
                }
            }
            return new Range(bytes, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
