package io.offlinestore.sync.server.cli;

import io.offlinestore.sync.server.http.ServerLimits;
import io.offlinestore.sync.server.http.SyncHttpServer;
import io.offlinestore.sync.server.postgres.ServerDatabase;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code offline-server serve} (also what the bare command runs): the server until SIGTERM or Ctrl-C. */
@Command(name = "serve", description = "Runs the sync server until it is stopped (SIGTERM or Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--collections", split = ",", paramLabel = "NAME",
            description = "The only collections clients may sync (default: any).")
    List<String> collections = List.of();

    @Option(names = "--pool-size", defaultValue = "10", description = "Database connections (default: ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--max-request-bytes", defaultValue = "16777216",
            description = "Largest request body (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes;

    @Option(names = "--max-mutations", defaultValue = "10000",
            description = "Most mutations in one push (default: ${DEFAULT-VALUE}).")
    int maxMutations;

    @Option(names = "--rate", defaultValue = "200", description = "Requests a second per token (default: ${DEFAULT-VALUE}).")
    double rate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerLimits limits = new ServerLimits(maxRequestBytes, maxMutations, rate, (int) Math.max(1, rate * 2));
        ServerDatabase db = database.open(poolSize);
        SyncHttpServer server;
        try {
            server = SyncHttpServer.builder(db.dataSource()).host(host).port(port).limits(limits)
                    .collections(Set.copyOf(collections)).start();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            stopped.countDown();
        }, "offline-server-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("offline-server: serving " + server.uri() + " on " + db.description());
        out.flush();
        stopped.await();
        return 0;
    }
}
