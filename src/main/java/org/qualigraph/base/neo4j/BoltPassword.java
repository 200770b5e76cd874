package org.qualigraph.base.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded database's Bolt user {@code neo4j}: the configured one, or one generated at first start
 * into {@code <data-dir>/bolt.password}, readable and writable by the owner only. It exists so that no other local user
 * or process can reach the curriculum and the accounts through the loopback Bolt port, around the application's
 * security. The value is never logged.
 */
final class BoltPassword {

    static final String FILE = "bolt.password";
    static final String USER = "neo4j";
    private static final Logger log = LoggerFactory.getLogger(BoltPassword.class);
    private static final int MIN_LENGTH = 8;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private BoltPassword() {
    }

    /** The configured password if there is one, else the one in the data directory, made there at first start. */
    static String resolve(String configured, Path dataDir) throws IOException {
        if (configured != null && !configured.isEmpty()) {
            if (configured.length() < MIN_LENGTH) {
                throw new IllegalStateException("qualigraph.embedded.bolt-password must have at least " + MIN_LENGTH
                        + " characters");
            }
            return configured;
        }
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            try {
                create(file);
                log.info("Generated the Bolt password of user '{}' into {} (owner-only)", USER, file);
            } catch (FileAlreadyExistsException another) {
                // made at the same moment by another start on this data directory: use that one
            }
        }
        tightenPermissions(file);
        String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (stored.length() < MIN_LENGTH) {
            throw new IllegalStateException(file + " must hold a password of at least " + MIN_LENGTH
                    + " characters; delete it to have a new one generated");
        }
        return stored;
    }

    /**
     * Switches user {@code neo4j} to the password. Works on a new store (default password, change required) and on one
     * that an earlier version created with authentication off, since Neo4j keeps that user either way. Runs through the
     * embedded API, which needs no Bolt login.
     */
    static void apply(DatabaseManagementService service, String password) {
        try {
            service.database("system").executeTransactionally(
                    "ALTER USER " + USER + " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            if (e.getMessage() == null || !e.getMessage().contains("cannot be the same")) {
                throw e;
            }
            // already this password: nothing to change
        }
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    private static void tightenPermissions(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            log.warn("{} was readable by others; it is owner-only now", file);
        }
    }
}
