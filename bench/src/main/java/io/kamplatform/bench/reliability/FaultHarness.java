package io.kamplatform.bench.reliability;

import io.kamplatform.bench.platform.ScriptArguments;
import io.kamplatform.bench.platform.PlatformRun;
import io.kamplatform.bench.platform.PlatformSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The reliability harness ({@code bench/faults}): for each fault, a fresh platform takes a load of CRM batches, one
 * component is killed with SIGKILL half-way, the launcher brings it back, and every acknowledged event is looked for
 * at every hop. Prints one table; exits 1 when anything acknowledged was lost or counted twice.
 */
public final class FaultHarness {

    private final HarnessOptions options;
    private final PrintStream out = System.out;

    private FaultHarness(HarnessOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options = ScriptArguments.options(args, HarnessOptions::parse, HarnessOptions.USAGE);
        if (options == null) {
            return;
        }
        List<RunResult> results = new FaultHarness(options).runAll();
        RunResult.printTable(System.out, results);
        System.exit(results.stream().allMatch(RunResult::passed) ? 0 : 1);
    }

    private List<RunResult> runAll() throws Exception {
        List<Fault> faults = options.faults().isEmpty() ? List.of(Fault.NONE) : options.faults();
        out.printf("Reliability harness: %d run(s) of %,d events, %d clients, kill at %.0f%%, %d busy loop(s)%n",
                faults.size(), options.events(), options.clients(), options.killAt() * 100, options.busyLoops());
        List<RunResult> results = new ArrayList<>();
        for (Fault fault : faults) {
            results.add(run(fault));
            RunResult.printTable(out, results);
        }
        return results;
    }

    private RunResult run(Fault fault) throws Exception {
        out.println();
        out.println("== kill -9 " + fault.process() + " ==");
        Path home = options.home().resolve(fault.process());
        deleteRecursively(home);
        long deadline = System.nanoTime() + options.timeoutMinutes() * 60_000_000_000L;
        AtomicBoolean starving = new AtomicBoolean(options.busyLoops() > 0);
        List<Thread> busy = new ArrayList<>();
        try (PlatformRun platform = new PlatformRun(new PlatformSettings(options.repo(), options.basePort(), options.kafkaPort(), options.postgresPort(), java.util.Map.of()), home)) {
            platform.start();
            out.println("    platform up (" + home + ")");
            for (int i = 0; i < options.busyLoops(); i++) {
                busy.add(Thread.ofPlatform().daemon().start(() -> spin(starving)));
            }
            List<Chunk> chunks = SyntheticPortfolio.generate(options.seed(), options.events(), 25);
            int total = chunks.stream().mapToInt(Chunk::size).sum();
            Acknowledgements acknowledgements = new Acknowledgements();
            BatchClient client = new BatchClient("localhost", options.basePort(), platform.token("KAM_TOKEN_CRM_WRITER"),
                    acknowledgements);
            FaultInjector injector = new FaultInjector(platform, fault, out);
            long loadStart = System.nanoTime();
            new LoadDriver(client, acknowledgements, options.clients(), LoadProgress.lines(out)).run(chunks.iterator(), total,
                    fault == Fault.NONE ? Integer.MAX_VALUE : (int) (total * options.killAt()), injector::strike, deadline);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            injector.awaitRecovery(deadline);
            starving.set(false);
            long catchUpStart = System.nanoTime();
            Verification verification = new Verification(platform, acknowledgements, SyntheticPortfolio.AS_OF, out);
            verification.awaitCatchUp(deadline);
            double catchUp = (System.nanoTime() - catchUpStart) / 1e9;
            RunResult result = verification.check(fault, injector.recoverySeconds(), loadSeconds, catchUp);
            out.println("    " + (result.passed() ? "PASS" : "FAIL"));
            return result;
        } catch (Exception | AssertionError e) {
            out.println("    run failed: " + e);
            return new RunResult(fault, 0, 0, 0, -1, -1, 0, 0, -1, -1, java.math.BigDecimal.ZERO, null, 0, 0, 0, 0, 0,
                    String.valueOf(e.getMessage()));
        } finally {
            starving.set(false);
            for (Thread t : busy) {
                t.join();
            }
        }
    }

    private static void spin(AtomicBoolean running) {
        long x = 0;
        while (running.get()) {
            x += System.nanoTime() % 3;
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
