package io.offlinestore.cli;

import io.offlinestore.ConfigurationException;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.OperationQueue;
import io.offlinestore.sync.QueueOptions;
import io.offlinestore.sync.StatusServer;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.connectivity.ProbingConnectivityMonitor;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code offline status-server --port N}: serves the local status API and page over the store's
 * operation queue until interrupted (Ctrl-C). When the store's settings name a sync server
 * ({@code sync.server-url}), the API's sync endpoints drive document sync too, following the
 * connectivity probes.
 */
@Command(name = "status-server", description = "Serve the offline status API and page over the store's queue "
        + "(and document sync, when the store's settings have sync.server-url) until interrupted.")
final class StatusServerCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "The port (default 8765; 0 picks a free one).")
    private int port = 8765;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to bind (default 127.0.0.1).")
    private String host = "127.0.0.1";

    @Option(names = "--probe", paramLabel = "URL",
            description = "An http(s) URL whose answer means online (repeatable); without one the server reports online.")
    private List<URI> probes = new ArrayList<>();

    @Option(names = "--token-env", paramLabel = "VARIABLE",
            description = "The environment variable holding a bearer token the API then requires.")
    private String tokenVariable;

    @Option(names = "--queue-collection", paramLabel = "NAME",
            description = "The collection the queue is kept in (default: " + QueueOptions.DEFAULT_COLLECTION + ").")
    private String collection = QueueOptions.DEFAULT_COLLECTION;

    @Override
    public Integer call() {
        ConnectivityMonitor monitor = monitor();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(closed);
        }, "offline-status-server-shutdown");
        boolean interrupted = false;
        OfflineStore store = root.store();
        try (OperationQueue queue = OperationQueue.open(store, QueueOptions.builder().collection(collection).build());
             SyncEngine documents = documentSync(store, monitor)) {
            queue.attach(monitor);
            StatusServer.Builder builder = StatusServer.builder(queue, monitor).host(host).port(port);
            if (documents != null) {
                builder.documentSync(documents);
            }
            if (tokenVariable != null) {
                String token = System.getenv(tokenVariable);
                if (token == null || token.isBlank()) {
                    throw new ConfigurationException("--token-env names " + tokenVariable + ", which is not set");
                }
                builder.bearerToken(token);
            }
            monitor.start();
            PrintWriter out = spec.commandLine().getOut();
            try (StatusServer server = builder.start()) {
                if (documents != null) {
                    out.println("document sync of " + String.join(", ", documents.options().collections()) + " with "
                            + documents.options().serverUrl().orElseThrow() + " (POST /api/offline/sync/start-auto starts it)");
                }
                out.println("status server listening on " + server.uri() + " (Ctrl-C stops it)");
                out.flush();
                // Ctrl-C runs the hook, which lets this thread close the server, queue and store before the JVM exits
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    stop.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
            } finally {
                monitor.stop();
            }
            out.println("status server stopped");
            out.flush();
        } finally {
            root.closeStore();
            closed.countDown();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The store's document sync if its settings name a server, else null. */
    private static SyncEngine documentSync(OfflineStore store, ConnectivityMonitor monitor) {
        if (!store.options().settings().containsKey("sync.server-url")) {
            return null;
        }
        SyncOptions.Builder options = SyncSetup.options(store).connectivity(monitor);
        SyncSetup.withCollections(options, store, null);
        return SyncEngine.create(store, options.build());
    }

    private ConnectivityMonitor monitor() {
        if (probes.isEmpty()) {
            return ConnectivityMonitor.manual();
        }
        ProbingConnectivityMonitor.Builder monitor = ConnectivityMonitor.builder();
        probes.forEach(monitor::http);
        return monitor.build();
    }
}
