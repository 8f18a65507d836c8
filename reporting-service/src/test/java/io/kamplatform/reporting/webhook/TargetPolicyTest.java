package io.kamplatform.reporting.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF rules for webhook targets, each forbidden class of address in the forms a URL can write it. */
class TargetPolicyTest {

    static final TargetPolicy PROD = new TargetPolicy(false);
    static final TargetPolicy LOCAL = new TargetPolicy(true);

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/kam", "https://hooks.example.com:8443/a/b?x=1",
            "https://203.0.113.7/hook", "https://[2001:db8::1]/hook", "https://10.1.2.3/internal"})
    void publicHttpsTargetsAreAccepted(String url) {
        assertThat(PROD.problem(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/kam", "http://203.0.113.7/hook", "ftp://hooks.example.com/",
            "hooks.example.com/kam", "/relative", "https:///nohost", "https://user:pw@hooks.example.com/",
            "https://hooks.example.com/#frag", "https://hooks example.com/", ""})
    void plainHttpAndMalformedOrCredentialedUrlsAreRefused(String url) {
        assertThat(PROD.problem(url)).isPresent();
        assertThat(LOCAL.problem(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/hook", "http://127.0.0.1:9/hook", "http://[::1]:9/hook",
            "https://localhost/hook", "http://api.localhost/hook", "http://127.1.2.3/hook", "http://[::ffff:127.0.0.1]/x"})
    void localhostOnlyWhereAllowedAndThenAlsoOverHttp(String url) {
        assertThat(LOCAL.problem(url)).isEmpty();
        assertThat(PROD.problem(url)).hasValueSatisfying(p -> assertThat(p).contains("localhost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://169.254.1.1/x", "https://169.254.0.1/", "https://[fe80::1]/x",
            "https://[febf::1]/", "https://[::ffff:169.254.10.10]/"})
    void linkLocalAddressesAreRefused(String url) {
        assertThat(LOCAL.problem(url)).hasValueSatisfying(p -> assertThat(p).contains("link-local"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://169.254.169.254/latest/meta-data/", "http://169.254.169.254/", "https://[fd00:ec2::254]/",
            "https://metadata.google.internal/computeMetadata/v1/", "https://METADATA.GOOGLE.INTERNAL./", "https://metadata/",
            "https://100.100.100.200/latest/meta-data", "https://2852039166/", "https://0xA9FEA9FE/", "https://0251.0376.0251.0376/",
            "https://169.254.43518/", "https://[::ffff:169.254.169.254]/", "https://[::ffff:a9fe:a9fe]/"})
    void metadataEndpointsAreRefusedInEveryWriting(String url) {
        assertThat(LOCAL.problem(url)).as(url).isPresent();
        assertThat(LOCAL.problem(url).get()).as(url).containsAnyOf("metadata", "link-local", "host", "https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://0.0.0.0/", "https://[::]/", "https://224.0.0.1/", "https://[ff02::1]/", "https://0/"})
    void unspecifiedAndMulticastAddressesAreRefused(String url) {
        assertThat(LOCAL.problem(url)).as(url).isPresent();
    }

    @Test
    void aNameIsCheckedAgainWithItsResolvedAddresses() {
        // "localhost" resolves to a loopback address: refused where localhost is not allowed, whatever the URL said.
        assertThat(PROD.problemResolved(URI.create("https://localhost/hook"))).isPresent();
        assertThat(LOCAL.problemResolved(URI.create("http://localhost/hook"))).isEmpty();
        // A literal forbidden address is refused before any lookup.
        assertThat(LOCAL.problemResolved(URI.create("https://169.254.169.254/"))).isPresent();
        // A name that does not resolve is left to the attempt (a network error), not refused.
        assertThat(PROD.problemResolved(URI.create("https://no-such-host.invalid/hook"))).isEmpty();
    }

    @Test
    void resolvedAddressesOfEveryForbiddenClassAreRefused() throws Exception {
        for (String address : new String[] {"169.254.169.254", "169.254.7.7", "fe80::1", "fd00:ec2::254", "0.0.0.0", "::",
                "239.1.1.1", "100.100.100.200"}) {
            assertThat(TargetPolicy.forbidden(java.net.InetAddress.getByName(address))).as(address).isPresent();
        }
        for (String address : new String[] {"203.0.113.7", "10.0.0.1", "2001:db8::1", "169.255.0.1", "172.16.0.1"}) {
            assertThat(TargetPolicy.forbidden(java.net.InetAddress.getByName(address))).as(address).isEmpty();
        }
    }

    @Test
    void overlongUrlsAreRefused() {
        assertThat(PROD.problem("https://hooks.example.com/" + "a".repeat(TargetPolicy.MAX_URL_LENGTH))).isPresent();
    }
}
