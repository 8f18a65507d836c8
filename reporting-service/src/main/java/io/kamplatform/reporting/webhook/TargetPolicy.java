package io.kamplatform.reporting.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where webhooks may go (SSRF rules, README "Webhooks"): an absolute https URL without credentials or fragment — plain
 * http only to localhost, and localhost only when allowed —, never to a link-local address (169.254.0.0/16,
 * fe80::/10), a cloud metadata endpoint (169.254.169.254, fd00:ec2::254, metadata.google.internal, ...), an
 * unspecified or multicast address. The host is checked as written when a subscription is saved and again, resolved,
 * before every attempt: a name that later resolves to a forbidden address (DNS rebinding) is refused then.
 */
public final class TargetPolicy {

    public static final int MAX_URL_LENGTH = 2048;

    static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal", "metadata.azure.internal");

    private final boolean allowLocalhost;

    public TargetPolicy(boolean allowLocalhost) {
        this.allowLocalhost = allowLocalhost;
    }

    /** Why {@code url} cannot be a target, as written; empty when it can. Does not resolve the host. */
    public Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an absolute https URL");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials (user:password@); sign with the subscription's secret instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String host = host(uri);
        boolean local = isLocalhostName(host) || literal(host).map(TargetPolicy::isLoopback).orElse(false);
        if (local && !allowLocalhost) {
            return Optional.of("must not point to localhost");
        }
        if (!local && !scheme.equals("https")) {
            return Optional.of("must use https (plain http only to localhost)");
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (METADATA_HOSTS.contains(lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower)) {
            return Optional.of("must not point to a cloud metadata endpoint");
        }
        Optional<InetAddress> address = literal(host);
        if (address.isPresent()) {
            return forbidden(address.get());
        }
        return Optional.empty();
    }

    /**
     * Resolves the target's host (blocking) and says why it must not be called now: a forbidden address among those
     * the name resolves to, or the rules of {@link #problem}; empty when it may be called.
     */
    public Optional<String> problemResolved(URI target) {
        Optional<String> written = problem(target.toString());
        if (written.isPresent()) {
            return written;
        }
        String host = host(target);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.empty(); // the attempt fails on its own, as a network error
        }
        for (InetAddress address : addresses) {
            if (isLoopback(address) && !allowLocalhost) {
                return Optional.of(host + " resolves to " + address.getHostAddress() + ", a loopback address");
            }
            Optional<String> forbidden = forbidden(address);
            if (forbidden.isPresent()) {
                return Optional.of(host + " resolves to " + address.getHostAddress() + ": " + forbidden.get());
            }
        }
        return Optional.empty();
    }

    /** Why a target at {@code address} is refused; empty when it is not. */
    static Optional<String> forbidden(InetAddress address) {
        InetAddress a = unmapped(address);
        if (a.isAnyLocalAddress()) {
            return Optional.of("must not point to an unspecified address (0.0.0.0, ::)");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("must not point to a multicast address");
        }
        if (isMetadata(a)) {
            return Optional.of("must not point to a cloud metadata endpoint");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("must not point to a link-local address (169.254.0.0/16, fe80::/10)");
        }
        return Optional.empty();
    }

    static boolean isLoopback(InetAddress address) {
        return unmapped(address).isLoopbackAddress();
    }

    private static boolean isMetadata(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            // 169.254.169.254 (AWS, GCP, Azure, OpenStack, ...); 100.100.100.200 (Alibaba Cloud).
            return (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254
                    || (b[0] & 0xff) == 100 && (b[1] & 0xff) == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200;
        }
        // fd00:ec2::254 (AWS IMDS over IPv6)
        byte[] imds = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
        return java.util.Arrays.equals(b, imds);
    }

    /** An IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible IPv6 address as its IPv4 address. */
    private static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            boolean mapped = zeros && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            boolean compatible = zeros && b[10] == 0 && b[11] == 0 && (b[12] | b[13]) != 0;
            if (mapped || compatible) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }

    private static boolean isLocalhostName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("localhost.") || h.endsWith(".localhost") || h.endsWith(".localhost.");
    }

    /** The host without IPv6 brackets. */
    static String host(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * The host as an IP address when it is written as one (no lookup): dotted IPv4, IPv6, and the forms
     * {@code inet_aton} also accepts (decimal 2852039166, hex 0xA9FEA9FE, octal, fewer parts), which a resolver would
     * turn into the same address.
     */
    static Optional<InetAddress> literal(String host) {
        try {
            if (host.contains(":")) {
                return Optional.of(InetAddress.getByName(host.contains("%") ? host.substring(0, host.indexOf('%')) : host));
            }
            String[] parts = host.split("\\.", -1);
            if (parts.length > 4 || host.isEmpty()) {
                return Optional.empty();
            }
            long[] values = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                Long v = number(parts[i]);
                if (v == null) {
                    return Optional.empty();
                }
                values[i] = v;
            }
            long ip = 0;
            for (int i = 0; i < values.length - 1; i++) {
                if (values[i] > 255) {
                    return Optional.empty();
                }
                ip = (ip << 8) | values[i];
            }
            int lastBits = 8 * (4 - (values.length - 1));
            long last = values[values.length - 1];
            if (last >= (1L << lastBits)) {
                return Optional.empty();
            }
            ip = (ip << lastBits) | last;
            return Optional.of(InetAddress.getByAddress(new byte[] {
                    (byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Long number(String part) {
        try {
            if (part.isEmpty()) {
                return null;
            }
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() > 2 && part.length() <= 10 ? Long.parseLong(part.substring(2), 16) : null;
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return part.length() <= 12 ? Long.parseLong(part.substring(1), 8) : null;
            }
            return part.length() <= 10 ? Long.parseLong(part) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
