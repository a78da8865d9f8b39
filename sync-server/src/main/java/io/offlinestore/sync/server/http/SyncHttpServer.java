package io.offlinestore.sync.server.http;

import io.javalin.Javalin;
import io.offlinestore.sync.server.SyncServer;
import io.offlinestore.sync.server.http.internal.SyncRoutes;
import io.offlinestore.sync.server.postgres.PostgresSyncStorage;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync protocol over HTTP (Javalin) on a PostgreSQL database: {@code POST /sync/v1/push},
 * {@code POST /sync/v1/pull}, {@code GET /health}, {@code GET /metrics}. It keeps nothing that
 * matters for correctness outside the database, so any number of instances may serve one
 * database. {@link #close()} is graceful: new sync requests get 503 while those in flight finish.
 */
public final class SyncHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncHttpServer.class);
    /** A handler's answer is written after it returns: the time allowed for the last ones to go out. */
    private static final Duration RESPONSE_FLUSH = Duration.ofMillis(300);

    private final Javalin app;
    private final SyncRoutes routes;
    private final String host;
    private final Duration shutdownGrace;
    private final ScheduledExecutorService purger;

    private SyncHttpServer(Javalin app, SyncRoutes routes, String host, Duration shutdownGrace,
                           ScheduledExecutorService purger) {
        this.app = app;
        this.routes = routes;
        this.host = host;
        this.shutdownGrace = shutdownGrace;
        this.purger = purger;
    }

    /** A builder of a server over the database (whose schema is migrated). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** The base URL clients sync with. */
    public URI uri() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** Stops accepting sync requests, lets those in flight finish (up to the grace period), then stops. */
    @Override
    public void close() {
        routes.drain();
        purger.shutdownNow();
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        while (routes.inFlight() > 0 && System.nanoTime() < deadline && pause(Duration.ofMillis(20))) {
            LOG.debug("waiting for {} sync requests in flight", routes.inFlight());
        }
        if (routes.inFlight() > 0) {
            LOG.warn("stopping with {} sync requests still in flight after {}", routes.inFlight(), shutdownGrace);
        }
        URI served = uri();
        pause(RESPONSE_FLUSH);
        app.stop();
        LOG.info("sync server on {} stopped", served);
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Configures and starts a {@link SyncHttpServer}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String host = "127.0.0.1";
        private int port;
        private ServerLimits limits = ServerLimits.DEFAULT;
        private Set<String> collections = Set.of();
        private Duration shutdownGrace = Duration.ofSeconds(30);
        private Duration purgeInterval = Duration.ofHours(1);

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The address to bind (default 127.0.0.1; {@code 0.0.0.0} for every interface). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 0: any free port, see {@link SyncHttpServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Request size and rate limits (default {@link ServerLimits#DEFAULT}). */
        public Builder limits(ServerLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The only collections clients may sync (default: any). */
        public Builder collections(Set<String> collections) {
            this.collections = Set.copyOf(collections);
            return this;
        }

        /** How long {@link SyncHttpServer#close()} waits for requests in flight (default 30 s). */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        /** How often old tombstones and dedup keys are purged (default hourly). */
        public Builder purgeInterval(Duration interval) {
            this.purgeInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Starts the server. */
        public SyncHttpServer start() {
            SyncRoutes routes = new SyncRoutes(dataSource, limits, collections);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.http.maxRequestSize = limits.maxRequestBytes();
                routes.register(config);
            });
            app.start(host, port);
            ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "sync-purge");
                thread.setDaemon(true);
                return thread;
            });
            SyncServer purging = SyncServer.builder(PostgresSyncStorage.unscoped(dataSource, "")).build();
            purger.scheduleWithFixedDelay(() -> {
                try {
                    purging.purge();
                } catch (RuntimeException e) {
                    LOG.warn("purge failed: {}", e.getMessage());
                }
            }, purgeInterval.toMillis(), purgeInterval.toMillis(), TimeUnit.MILLISECONDS);
            SyncHttpServer server = new SyncHttpServer(app, routes, host, shutdownGrace, purger);
            LOG.info("sync server listening on {}", server.uri());
            return server;
        }
    }
}
