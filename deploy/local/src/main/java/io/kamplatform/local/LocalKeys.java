package io.kamplatform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs local JWTs: {@code privateKey.pem} (PKCS#8) and {@code publicKey.pem} (X.509), the
 * formats SmallRye JWT reads. Generated once into a directory and loaded afterwards, so tokens printed by one run
 * still verify after a restart.
 */
public final class LocalKeys {

    public static final String PRIVATE_KEY_FILE = "privateKey.pem";
    public static final String PUBLIC_KEY_FILE = "publicKey.pem";

    private final Path directory;
    private final RSAPrivateKey privateKey;
    private final RSAPublicKey publicKey;

    private LocalKeys(Path directory, RSAPrivateKey privateKey, RSAPublicKey publicKey) {
        this.directory = directory;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Loads the pair from {@code directory}, generating it there first if either file is missing. */
    public static synchronized LocalKeys loadOrCreate(Path directory) {
        Path priv = directory.resolve(PRIVATE_KEY_FILE);
        Path pub = directory.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(priv) || !Files.exists(pub)) {
                generate(directory, priv, pub);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(priv)));
            var publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(readPem(pub)));
            return new LocalKeys(directory, privateKey, publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Invalid key files in " + directory + " (delete them to regenerate)", e);
        }
    }

    public Path directory() {
        return directory;
    }

    public Path privateKeyPath() {
        return directory.resolve(PRIVATE_KEY_FILE);
    }

    public Path publicKeyPath() {
        return directory.resolve(PUBLIC_KEY_FILE);
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    private static void generate(Path directory, Path priv, Path pub) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        // Private key first, owner-only from its creation where the file system supports POSIX permissions.
        Files.deleteIfExists(priv);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file) throws IOException {
        String base64 = Files.readString(file, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
