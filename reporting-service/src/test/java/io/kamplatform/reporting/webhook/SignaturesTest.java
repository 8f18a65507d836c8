package io.kamplatform.reporting.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The signature as sent verifies with the receiver's check the README documents (the Java snippet, and the Python
 * snippet run by python3 where it is installed), and the check refuses a changed body, another secret, an old or
 * future timestamp and malformed headers.
 */
class SignaturesTest {

    static final String SECRET = "whsec_test-secret-0123456789abcdef";
    static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"ins-1\",\"data\":{\"band\":\"RED\",\"name\":\"Zürich AG\"}}";
    static final long NOW = 1_764_590_000L;

    @Test
    void aSignedBodyVerifiesWithinTheToleranceAndNothingElseDoes() {
        String header = Signatures.header(SECRET, NOW, BODY);
        assertThat(header).matches("t=" + NOW + ",v1=[0-9a-f]{64}");
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(ReceiverVerification.verify(SECRET, header, body, NOW, 300)).isTrue();
        assertThat(ReceiverVerification.verify(SECRET, header, body, NOW + 300, 300)).isTrue();
        assertThat(ReceiverVerification.verify(SECRET, header, body, NOW + 301, 300)).as("replayed later").isFalse();
        assertThat(ReceiverVerification.verify(SECRET, header, body, NOW - 301, 300)).as("from the future").isFalse();
        assertThat(ReceiverVerification.verify("another-secret-0123456789", header, body, NOW, 300)).isFalse();
        assertThat(ReceiverVerification.verify(SECRET, header, BODY.replace("RED", "GREEN").getBytes(StandardCharsets.UTF_8), NOW, 300))
                .as("changed body").isFalse();
        String otherTime = header.replace("t=" + NOW, "t=" + (NOW + 1));
        assertThat(ReceiverVerification.verify(SECRET, otherTime, body, NOW, 300)).as("timestamp not the signed one").isFalse();
        assertThat(ReceiverVerification.verify(SECRET, null, body, NOW, 300)).isFalse();
        assertThat(ReceiverVerification.verify(SECRET, "v1=" + header.substring(header.indexOf("v1=") + 3), body, NOW, 300)).isFalse();
        assertThat(ReceiverVerification.verify(SECRET, "t=" + NOW + ",v1=zz", body, NOW, 300)).isFalse();
        // Another scheme or a second signature alongside (a future rotation) does not break the check.
        assertThat(ReceiverVerification.verify(SECRET, header + ",v0=abc,v1=" + "0".repeat(64), body, NOW, 300)).isTrue();
    }

    @Test
    void thePythonSnippetInTheReadmeVerifiesTheSameWay() throws Exception {
        assumeTrue(python() != null, "python3 is not installed");
        String snippet = readmeBlock("python");
        Path script = Files.createTempFile("verify", ".py");
        String header = Signatures.header(SECRET, NOW, BODY);
        String body64 = Base64.getEncoder().encodeToString(BODY.getBytes(StandardCharsets.UTF_8));
        Files.writeString(script, snippet + "\n\nimport base64\nbody = base64.b64decode('" + body64 + "')\n"
                + "print(verify('" + SECRET + "', '" + header + "', body, now=" + NOW + "),"
                + " verify('" + SECRET + "', '" + header + "', body, now=" + (NOW + 301) + "),"
                + " verify('" + SECRET + "', '" + header + "', body + b' ', now=" + NOW + "),"
                + " verify('wrong-secret-0123456789abc', '" + header + "', body, now=" + NOW + "))\n");
        Process p = new ProcessBuilder(python(), script.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(out).isEqualTo("True False False False");
        Files.delete(script);
    }

    @Test
    void theJavaSnippetInTheReadmeIsTheOneTested() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/kamplatform/reporting/webhook/ReceiverVerification.java"));
        String tested = source.substring(source.indexOf("// --- begin README snippet ---") + 31, source.indexOf("    // --- end README snippet ---"));
        assertThat(normalize(readmeBlock("java"))).isEqualTo(normalize(tested));
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }

    /** The README's fenced block of {@code language} in the "Verifying a delivery" section. */
    static String readmeBlock(String language) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### Verifying a delivery");
        assertThat(section).as("README section 'Verifying a delivery'").isNotNegative();
        int start = readme.indexOf("```" + language + "\n", section);
        int end = readme.indexOf("```", start + 4 + language.length());
        return readme.substring(start + 4 + language.length(), end);
    }

    private static String python() {
        for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // next
            }
        }
        return null;
    }
}
