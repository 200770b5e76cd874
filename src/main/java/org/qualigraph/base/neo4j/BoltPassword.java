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
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
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
     * On a store that does not exist yet, writes the password of user {@code neo4j} where Neo4j reads the initial
     * user when it creates the system database ({@code data/dbms/auth.ini}, what {@code neo4j-admin dbms
     * set-initial-password} writes: a salted hash, no change required), and answers true; the start then needs no
     * {@link #apply} (whose {@code ALTER USER} is the first, cold, Cypher compilation of the start, about a second).
     * On an existing store it writes nothing and answers false.
     */
    static boolean initialFor(Path home, String password) throws IOException {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        if (Files.exists(config.get(GraphDatabaseInternalSettings.databases_root_path).resolve(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))) {
            return false;
        }
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try (var fs = new DefaultFileSystemAbstraction()) {
            var users = new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            users.start();
            users.create(new User(USER, null, SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher()), false, false));
            users.shutdown();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not write the initial password of user " + USER + " to " + file, e);
        }
        return true;
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
