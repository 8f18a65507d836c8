package io.kamplatform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The dashboard's local sign-in: a one-use link (a ticket signed with the platform key, 15 minutes) that
 * reporting-service exchanges for an HttpOnly session cookie, and the session secret kept per home so that a
 * restarted service keeps its sessions. {@code main} prints a new link for a running platform
 * ({@code ./deploy/local/dashboard-link}).
 */
public final class DashboardLink {

    /** Kept beside the key pair, owner-only. */
    public static final String SESSION_SECRET_FILE = "dashboard-session.secret";
    /** The local user the link signs in. */
    public static final String USER = "local-director";

    private DashboardLink() {
    }

    /** A fresh sign-in link to the dashboard of the reporting service at {@code reportingUrl}, role kam-reader. */
    public static String create(TokenMinter minter, String reportingUrl) {
        String base = reportingUrl.endsWith("/") ? reportingUrl.substring(0, reportingUrl.length() - 1) : reportingUrl;
        return base + "/sign-in/local?ticket=" + minter.mintSignInTicket(USER, TokenMinter.SIGN_IN_LIFETIME, Roles.KAM_READER);
    }

    /** The session secret of this home's dashboard, created on first use. */
    public static String sessionSecret(Path keysDirectory) {
        return randomKept(keysDirectory.resolve(SESSION_SECRET_FILE), 48, Base64.getUrlEncoder().withoutPadding());
    }

    /** The key that encrypts this home's webhook secrets in reporting-service (base64 of 32 bytes), created on first use. */
    public static String webhooksKey(Path keysDirectory) {
        return randomKept(keysDirectory.resolve("webhooks-encryption.key"), 32, Base64.getEncoder());
    }

    private static String randomKept(Path file, int bytes, Base64.Encoder encoder) {
        Path keysDirectory = file.getParent();
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[bytes];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(keysDirectory);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                }
                Files.writeString(file, encoder.encodeToString(random), StandardCharsets.US_ASCII);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** Usage: DashboardLink [--home DIR] [--url REPORTING_URL]; prints a new sign-in link. */
    public static void main(String[] args) {
        String home = System.getenv().getOrDefault("KAM_LOCAL_HOME", ".kam-local");
        String url = "http://localhost:8083";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--home" -> home = args[i + 1];
                case "--url" -> url = args[i + 1];
                default -> {
                    System.err.println("usage: dashboard-link [--home DIR] [--url http://localhost:8083]");
                    System.exit(2);
                }
            }
        }
        Path keys = Path.of(home).resolve("keys");
        if (!Files.exists(keys.resolve(LocalKeys.PRIVATE_KEY_FILE))) {
            System.err.println("No platform keys in " + keys + ": start the platform first (./deploy/local/run).");
            System.exit(1);
        }
        System.out.println(create(new TokenMinter(LocalKeys.loadOrCreate(keys).privateKey()), url));
    }
}
