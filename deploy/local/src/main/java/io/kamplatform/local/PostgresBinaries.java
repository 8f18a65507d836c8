package io.kamplatform.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The PostgreSQL binaries shipped in zonky's Maven artifact, unpacked once per machine. The launcher runs the
 * {@code postgres} binary itself (not through {@code pg_ctl}, as zonky does) so that the postmaster is its child:
 * its death is noticed at once, its log goes to a file, and a failed start ends the process instead of a wait.
 *
 * <p>Unpacked where zonky unpacks them ({@code java.io.tmpdir/embedded-pg/PG-<md5 of the archive>}, complete when
 * {@code .exists} is there, guarded by a lock on {@code epg-lock}), so tests and launcher share one copy.
 */
final class PostgresBinaries {

    private final Path bin;

    private PostgresBinaries(Path bin) {
        this.bin = bin;
    }

    static synchronized PostgresBinaries unpacked() {
        try {
            byte[] archive = archive();
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg", "PG-" + md5(archive));
            Files.createDirectories(dir);
            if (!Files.exists(dir.resolve(".exists"))) {
                try (FileChannel channel = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                        FileLock ignored = channel.lock()) {
                    if (!Files.exists(dir.resolve(".exists"))) {
                        extract(archive, dir);
                        Files.createFile(dir.resolve(".exists"));
                    }
                }
            }
            return new PostgresBinaries(dir.resolve("bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the PostgreSQL binaries", e);
        }
    }

    /**
     * The command line for one of the binaries. PostgreSQL refuses to run as root; as zonky does, root runs it in a
     * new user namespace ({@code unshare -U}), where it is not root. {@code unshare} execs the binary, so the pid
     * of the started process is the binary's own.
     */
    List<String> command(String binary, List<String> args) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin.resolve(binary).toString());
        command.addAll(args);
        return command;
    }

    private static byte[] archive() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "Darwin" : os.contains("win") ? "Windows" : "Linux";
        String arch = ArchUtils.normalize(System.getProperty("os.arch"));
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch)) {
            if (in == null) {
                throw new IOException("no PostgreSQL binaries for " + system + " " + arch + " on the classpath");
            }
            return in.readAllBytes();
        }
    }

    private static String md5(byte[] data) throws IOException {
        try (DigestInputStream in = new DigestInputStream(new java.io.ByteArrayInputStream(data),
                MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void extract(byte[] archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZInputStream(new java.io.ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createLink(path, target.resolve(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0 || entry.getName().matches("(\\./)?bin/.*")) {
                        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                        permissions.add(PosixFilePermission.OWNER_EXECUTE);
                        permissions.add(PosixFilePermission.GROUP_EXECUTE);
                        permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                        Files.setPosixFilePermissions(path, permissions);
                    }
                }
            }
        }
    }
}
