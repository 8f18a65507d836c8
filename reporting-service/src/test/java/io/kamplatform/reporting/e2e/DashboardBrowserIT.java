package io.kamplatform.reporting.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard in a real headless Chromium (npm @sparticuz/chromium with playwright-core; the build ran npm ci in
 * pre-integration-test) against the platform LocalPlatform started with the demo: the node tests under
 * src/test/browser sign in with the link the launcher printed and check every page (see tests/dashboard.test.mjs).
 * Runs before PlatformEndToEndIT (alphabetical order), whose writes add accounts to the demo portfolio.
 */
@ExtendWith(LocalPlatform.class)
class DashboardBrowserIT {

    static final Path BROWSER_TESTS = Path.of(System.getProperty("kam.browser.dir", "src/test/browser")).toAbsolutePath();
    static final Path SCREENSHOTS = Path.of(System.getProperty("kam.screenshots", "target/dashboard-screenshots")).toAbsolutePath();

    @Test
    void theDashboardPassesItsBrowserTests() throws IOException, InterruptedException {
        LocalPlatform.Running platform = LocalPlatform.running();
        Path output = Files.createTempFile(LocalPlatform.HOME, "browser-tests-", ".log");
        ProcessBuilder node = new ProcessBuilder(List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec",
                "tests/")).directory(BROWSER_TESTS.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().put("KAM_DASHBOARD_URL", LocalPlatform.REPORTS);
        node.environment().put("KAM_DASHBOARD_LINK", platform.dashboardLink());
        node.environment().put("KAM_HOME", LocalPlatform.HOME.toString());
        node.environment().put("KAM_READER_TOKEN", platform.tokens().get("KAM_TOKEN_KAM_READER"));
        node.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        Process tests = node.start();
        boolean finished = tests.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            tests.destroyForcibly();
        }
        String report = Files.readString(output);
        System.out.println(report);
        assertThat(finished).as("browser tests finished within 10 minutes").isTrue();
        assertThat(tests.exitValue()).as("browser tests (output above)").isZero();
        assertThat(report).containsPattern("pass [1-9]").containsPattern("fail 0\\R");
    }
}
