package io.kamplatform.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the running launcher started, in HOME/run/: a lock held for the launcher's lifetime (the OS releases it when
 * the launcher dies, however it dies) and {@value #FILE}, rewritten whenever a process starts, becomes ready or exits.
 * The file serves two readers: the next launcher, which cleans up after one that died, and tools such as a fault
 * harness that want the pid of PostgreSQL, Kafka or a service. Format (Java properties):
 * <pre>
 * launcher.pid=4711                      # name.pid: the process id
 * launcher.started=2026-05-04T09:00:00Z  # name.started: its start instant (to tell a reused pid apart)
 * postgres.pid=4720
 * postgres.started=...
 * postgres.ready=true                    # name.ready: answering (false while it starts or restarts)
 * postgres.restarts=0                    # name.restarts: restarts after unexpected exits
 * </pre>
 * Names: {@code launcher}, {@code postgres}, {@code kafka}, {@code account-service}, {@code relationship-service},
 * {@code reporting-service}.
 */
final class RunState implements AutoCloseable {

    static final String FILE = "processes.properties";
    static final String LAUNCHER = "launcher";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Properties previous;
    private final Map<String, Map<String, String>> entries = new LinkedHashMap<>();
    private boolean closed;

    private RunState(Path dir, FileChannel lockChannel, FileLock lock, Properties previous) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Takes the home directory's launcher lock and records this launcher.
     *
     * @throws AlreadyRunning when a live launcher holds the lock
     */
    static RunState acquire(Path home) {
        Path dir = home.resolve("run");
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve("launcher.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM (tests)
            }
            Properties previous = read(dir.resolve(FILE));
            if (lock == null) {
                channel.close();
                throw new AlreadyRunning(home, previous);
            }
            RunState state = new RunState(dir, channel, lock, previous);
            state.started(LAUNCHER, ProcessHandle.current());
            return state;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + dir, e);
        }
    }

    /** What the previous launcher of this home left in {@value #FILE} (empty if it stopped cleanly). */
    Properties previous() {
        return previous;
    }

    /** The processes the previous launcher recorded, launcher excluded. */
    static List<ProcessRecord> recorded(Properties state) {
        List<ProcessRecord> result = new ArrayList<>();
        for (String key : state.stringPropertyNames()) {
            if (key.endsWith(".pid") && !key.equals(LAUNCHER + ".pid")) {
                String name = key.substring(0, key.length() - ".pid".length());
                record(state, name).ifPresent(result::add);
            }
        }
        return result;
    }

    static Optional<ProcessRecord> record(Properties state, String name) {
        try {
            return Optional.of(new ProcessRecord(name, Long.parseLong(state.getProperty(name + ".pid")),
                    Instant.parse(state.getProperty(name + ".started", Instant.EPOCH.toString()))));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    Path file() {
        return dir.resolve(FILE);
    }

    /** A process (re)started: its new pid, not ready yet. */
    synchronized void started(String name, ProcessHandle process) {
        Map<String, String> entry = entries.computeIfAbsent(name, n -> new LinkedHashMap<>());
        ProcessRecord record = ProcessRecord.of(name, process);
        entry.put("pid", Long.toString(record.pid()));
        entry.put("started", record.started().toString());
        entry.put("ready", "false");
        entry.putIfAbsent("restarts", "0");
        if (name.equals(LAUNCHER)) {
            entry.remove("restarts");
        }
        write();
    }

    synchronized void ready(String name) {
        Map<String, String> entry = entries.get(name);
        if (entry != null) {
            entry.put("ready", "true");
            write();
        }
    }

    /** A process exited unexpectedly and will be restarted. */
    synchronized void restarting(String name, int restarts) {
        Map<String, String> entry = entries.get(name);
        if (entry != null) {
            entry.put("ready", "false");
            entry.put("restarts", Integer.toString(restarts));
            write();
        }
    }

    /** A process was stopped on purpose: it leaves the file. */
    synchronized void stopped(String name) {
        if (entries.remove(name) != null) {
            write();
        }
    }

    /** Clean stop: removes the file and releases the lock, so the next launcher finds nothing to clean up. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.deleteIfExists(file());
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean up " + dir, e);
        }
    }

    private void write() {
        if (closed) {
            return;
        }
        StringBuilder text = new StringBuilder("""
                # KAM local platform: the processes of the running launcher, rewritten whenever one starts,
                # becomes ready or exits. NAME.pid, NAME.started (start instant), NAME.ready, NAME.restarts.
                """);
        entries.forEach((name, entry) -> entry.forEach((key, value) ->
                text.append(name).append('.').append(key).append('=').append(value).append('\n')));
        Path target = file();
        Path temp = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(temp, text);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            }
        }
        return properties;
    }

    /** Another launcher, still alive, runs on this home directory. */
    static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning(Path home, Properties state) {
            super("the KAM local platform already runs on " + home
                    + record(state, LAUNCHER).map(r -> " (launcher pid " + r.pid() + ", started " + r.started() + ")")
                            .orElse("")
                    + ". Stop it first (Ctrl-C in its terminal, or kill "
                    + record(state, LAUNCHER).map(r -> Long.toString(r.pid())).orElse("<pid>")
                    + "), or use another --home.");
        }
    }
}
