package io.kamplatform.bench.perf;

import io.kamplatform.bench.perf.ceiling.PgBench;
import io.kamplatform.bench.perf.load.Http;
import io.kamplatform.bench.perf.portfolio.Census;
import io.kamplatform.bench.perf.portfolio.PortfolioGenerator;
import io.kamplatform.bench.perf.report.Results;
import io.kamplatform.bench.platform.PlatformRun;
import io.kamplatform.bench.reliability.Acknowledgements;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.kamplatform.bench.perf.load.CpuUse;

/** What every workload of one run shares: the platform, the portfolio, the acknowledgements and the results. */
public record BenchContext(BenchOptions options, PlatformRun platform, PortfolioGenerator portfolio, Census census,
                           Acknowledgements acknowledgements, Results results, PgBench pgbench, Http http,
                           String runId, Path workDir, PrintStream out) {

    public String url(int serviceOffset, String path) {
        return platform.serviceUrl(serviceOffset) + path;
    }

    public String writerToken() {
        return platform.token("KAM_TOKEN_CRM_WRITER");
    }

    public String readerToken() {
        return platform.token("KAM_TOKEN_KAM_READER");
    }

    public String adminToken() {
        return platform.token("KAM_TOKEN_KAM_ADMIN");
    }

    public Duration measure() {
        return Duration.ofSeconds(options.measureSeconds());
    }

    public Duration warmUp() {
        return Duration.ofMillis(options.warmUpMillis());
    }

    /** A free port of the run's range for an extra process: base port + 3 + n (the services use base .. base + 2). */
    public int extraPort(int n) {
        return options.basePort() + 3 + n;
    }

    /** Starts counting the CPU of the platform's processes and the benchmark's own. */
    public CpuUse cpu() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String process : List.of("account-service", "relationship-service", "reporting-service", "kafka", "postgres")) {
            try {
                pids.put(process, platform.pid(process));
            } catch (RuntimeException e) {
                // not running (e.g. restarting)
            }
        }
        return CpuUse.start(pids);
    }

    /** Prints a section header with the time since the run began (the quick mode has a 3-minute budget). */
    public void section(String title) {
        out.println();
        out.printf("== %s == (%.0f s into the run)%n", title,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    }

    /** Waits until the read model holds every stored event, so the next measurement starts from a quiet pipeline. */
    public void quiesce(String when) throws Exception {
        PortfolioLoad.catchUp(this, when, System.nanoTime());
    }

}
