package io.offlinestore.benchmarks.sync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncOptions;
import io.offlinestore.sync.SyncResult;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.Mutation;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.protocol.ProtocolCodec;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PushBatch;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.Scope;
import io.offlinestore.sync.server.http.ServerLimits;
import io.offlinestore.sync.server.http.SyncHttpServer;
import io.offlinestore.sync.server.postgres.Accounts;
import io.offlinestore.sync.server.postgres.ServerDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives the sync server on an embedded PostgreSQL over loopback HTTP and prints markdown rows:
 * push and pull throughput (mutations or documents a second) with 1, 10 and 50 concurrent
 * clients against one and two server instances, the p50/p99 latency of a push of 100, and
 * (with {@code --initial N}) the time and peak heap of an initial sync of N ~1 KB documents into
 * a fresh mapdb store. Not a JMH benchmark: a multi-client HTTP load does not fit JMH's model.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.offlinestore.benchmarks.sync.SyncServerLoad [--mutations N] [--initial N]
 * </pre>
 */
public final class SyncServerLoad {
    private static final int BATCH = 100;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LongAdder RETRIES = new LongAdder();

    private SyncServerLoad() {
    }

    public static void main(String[] args) throws Exception {
        int mutations = intArg(args, "--mutations", 20_000);
        int initial = intArg(args, "--initial", 0);
        Path dir = Files.createTempDirectory("sync-load");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).start()) {
            System.out.println("| instances | clients | push mutations/s | push of 100 p50 ms | p99 ms | pull documents/s |");
            System.out.println("|---|---|---|---|---|---|");
            int run = 0;
            for (int instances : new int[] {1, 2}) {
                for (int clients : new int[] {1, 10, 50}) {
                    String url = database(postgres, "load_" + run++);
                    System.out.println(scenario(url, instances, clients, mutations));
                }
            }
            System.out.println("(503 answers retried by the driver: " + RETRIES.sum() + ")");
            if (initial > 0) {
                initialSync(database(postgres, "initial"), initial, dir.resolve("client"));
            }
        }
    }

    private static String database(EmbeddedPostgres postgres, String name) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private static String scenario(String url, int instances, int clients, int mutations) throws Exception {
        List<ServerDatabase> databases = new ArrayList<>();
        List<SyncHttpServer> servers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int i = 0; i < instances; i++) {
                ServerDatabase database = ServerDatabase.external(url, "postgres", null, 12);
                databases.add(database);
                servers.add(SyncHttpServer.builder(database.dataSource())
                        .limits(new ServerLimits(64L << 20, 100_000, 1e9, 1_000_000)).start());
            }
            String token = new Accounts(databases.get(0).dataSource()).createToken("load");
            int batchesPerClient = Math.max(1, mutations / BATCH / clients);
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> work = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                URI server = servers.get(c % instances).uri();
                work.add(pool.submit(() -> {
                    for (int b = 0; b < batchesPerClient; b++) {
                        byte[] body = ProtocolCodec.write(batch("client" + client, b));
                        long t0 = System.nanoTime();
                        post(server.resolve("sync/v1/push"), token, body);
                        latencies.add(System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            double pushSeconds = (System.nanoTime() - start) / 1e9;
            long pushed = (long) batchesPerClient * clients * BATCH;

            work.clear();
            long pullStart = System.nanoTime();
            List<Long> pulled = Collections.synchronizedList(new ArrayList<>());
            for (int c = 0; c < clients; c++) {
                URI server = servers.get(c % instances).uri();
                work.add(pool.submit(() -> {
                    pulled.add(pullAll(server, token));
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            double pullSeconds = (System.nanoTime() - pullStart) / 1e9;
            long documents = pulled.stream().mapToLong(Long::longValue).sum();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return String.format("| %d | %d | %,.0f | %.1f | %.1f | %,.0f |", instances, clients, pushed / pushSeconds,
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                    documents / pullSeconds);
        } finally {
            pool.shutdownNow();
            servers.forEach(SyncHttpServer::close);
            databases.forEach(ServerDatabase::close);
        }
    }

    private static PushRequest batch(String client, int number) {
        List<Mutation> mutations = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            String id = client + "-" + number + "-" + i;
            DocumentRef ref = DocumentRef.of("items", id);
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", id).put("title", "item " + i)
                    .put("owner", client).put("count", i).put("note", "x".repeat(120));
            mutations.add(new Mutation(new MutationKey(client, (long) number * BATCH + i + 1, ref), Mutation.Operation.PUT,
                    body, 0));
        }
        return PushRequest.of(client, List.of(new PushBatch(mutations)));
    }

    private static long pullAll(URI server, String token) throws Exception {
        String checkpoint = null;
        long documents = 0;
        PullResponse page;
        do {
            page = ProtocolCodec.read(post(server.resolve("sync/v1/pull"), token, ProtocolCodec.write(
                    PullRequest.of("reader", Scope.all("items"), checkpoint, 1000))),
                    PullResponse.class);
            documents += page.documents().size();
            checkpoint = page.checkpoint();
        } while (page.hasMore());
        return documents;
    }

    /** Posts like a client: a 503 (pool or lock saturated) is retried after a short pause, as the engine does. */
    private static byte[] post(URI uri, String token, byte[] body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return response.body();
            }
            if (response.statusCode() != 503 || attempt == 20) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": "
                        + new String(response.body()));
            }
            RETRIES.increment();
            Thread.sleep(50L * attempt);
        }
    }

    private static void initialSync(String url, int count, Path storeDir) throws Exception {
        try (ServerDatabase database = ServerDatabase.external(url, "postgres", null, 4);
             SyncHttpServer server = SyncHttpServer.builder(database.dataSource())
                     .limits(new ServerLimits(64L << 20, 100_000, 1e9, 1_000_000)).start()) {
            String token = new Accounts(database.dataSource()).createToken("initial");
            for (int b = 0; b < count / BATCH; b++) {
                PushRequest request = batch("seed", b);
                for (Mutation m : request.batches().get(0).mutations()) {
                    m.body().put("text", "y".repeat(800));
                }
                post(server.uri().resolve("sync/v1/push"), token, ProtocolCodec.write(request));
            }
            System.gc();
            MemoryPoolMXBean[] heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toArray(MemoryPoolMXBean[]::new);
            for (MemoryPoolMXBean p : heap) {
                p.resetPeakUsage();
            }
            long start = System.nanoTime();
            try (OfflineStore store = OfflineStore.open(StoreOptions.builder().backend("mapdb").path(storeDir).build());
                 SyncEngine engine = SyncEngine.create(store, SyncOptions.builder().serverUrl(server.uri()).token(token)
                         .collections("items").build())) {
                SyncResult result = engine.synchronize();
                double seconds = (System.nanoTime() - start) / 1e9;
                long peak = 0;
                for (MemoryPoolMXBean p : heap) {
                    peak += p.getPeakUsage().getUsed();
                }
                System.out.printf("initial sync of %,d ~1 KB documents into mapdb: %.1f s, %s, %,d documents held,"
                        + " peak heap %d MiB of max %d MiB%n", count, seconds, result, store.collection("items").count(),
                        peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
            }
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
