package io.offlinestore.sync;

import io.javalin.Javalin;
import io.offlinestore.ConfigurationException;
import io.offlinestore.sync.status.QueueAndSyncRunController;
import io.offlinestore.sync.status.QueueRunController;
import io.offlinestore.sync.status.RunController;
import io.offlinestore.sync.status.SyncRunController;
import io.offlinestore.sync.status.internal.StatusRoutes;
import java.net.URI;
import java.util.Objects;

/**
 * A small local HTTP server (Javalin) over an {@link OperationQueue}, a {@link ConnectivityMonitor}
 * and optionally a {@link SyncEngine}: seed 001's JSON endpoints under {@code /api/offline} for an
 * app's UI, and a plain HTML status page at {@code /}. Bound to 127.0.0.1 unless told otherwise;
 * optionally requires a bearer token on the API. Bad requests get 400 with a message, unknown
 * operations 404, conflicting states 409, a full queue 507, a failing store 503.
 */
public final class StatusServer implements AutoCloseable {
    private final Javalin app;
    private final String host;

    private StatusServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /** A builder of a server over this queue and monitor. */
    public static Builder builder(OperationQueue queue, ConnectivityMonitor monitor) {
        return new Builder(queue, monitor);
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** The address of the status page. */
    public URI uri() {
        return URI.create("http://" + hostForUri() + ":" + port() + "/");
    }

    private String hostForUri() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Stops the server; the queue and monitor stay as they are. */
    @Override
    public void close() {
        app.stop();
    }

    /** Builds and starts a {@link StatusServer}. */
    public static final class Builder {
        private final OperationQueue queue;
        private final ConnectivityMonitor monitor;
        private String host = "127.0.0.1";
        private int port;
        private String bearerToken;
        private RunController runs;
        private SyncEngine documents;

        private Builder(OperationQueue queue, ConnectivityMonitor monitor) {
            this.queue = Objects.requireNonNull(queue, "queue");
            this.monitor = Objects.requireNonNull(monitor, "monitor");
        }

        /** The address to bind (default 127.0.0.1: only this machine can connect). */
        public Builder host(String host) {
            if (host == null || host.isBlank()) {
                throw new ConfigurationException("status server host must not be blank");
            }
            this.host = host;
            return this;
        }

        /** The port (default 0: any free port, see {@link StatusServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new ConfigurationException("status server port must be from 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Requires {@code Authorization: Bearer <token>} on every API request. */
        public Builder bearerToken(String token) {
            if (token == null || token.isBlank()) {
                throw new ConfigurationException("bearer token must not be blank");
            }
            this.bearerToken = token;
            return this;
        }

        /**
         * What the {@code /api/offline/sync} endpoints drive (default: the queue's runner, a
         * {@link QueueRunController}).
         */
        public Builder runController(RunController controller) {
            this.runs = Objects.requireNonNull(controller, "controller");
            return this;
        }

        /**
         * Lets the {@code /api/offline/sync} endpoints drive this document sync together with the
         * queue (a {@link QueueAndSyncRunController}), unless a {@link #runController} is given.
         */
        public Builder documentSync(SyncEngine engine) {
            this.documents = Objects.requireNonNull(engine, "engine");
            return this;
        }

        private RunController runs() {
            if (runs != null) {
                return runs;
            }
            QueueRunController queueRuns = new QueueRunController(queue, monitor);
            return documents == null ? queueRuns
                    : new QueueAndSyncRunController(queueRuns, new SyncRunController(documents, monitor));
        }

        /** Starts the server. */
        public StatusServer start() {
            StatusRoutes routes = new StatusRoutes(queue, monitor, runs(), bearerToken);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                routes.register(config);
            });
            app.start(host, port);
            return new StatusServer(app, host);
        }
    }
}
