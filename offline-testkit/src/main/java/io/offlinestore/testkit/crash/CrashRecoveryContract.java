package io.offlinestore.testkit.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.offlinestore.Document;
import io.offlinestore.IntegrityReport;
import io.offlinestore.OfflineStore;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability and atomicity under {@code kill -9}: a child JVM ({@link CrashWriter}) writes
 * numbered batches, each a transaction over two indexed collections, and acknowledges each
 * after its commit returns; the test kills it at a random
 * moment, reopens the store and checks that every acknowledged batch is wholly present, no
 * batch is partly present, and every index agrees with the documents. It repeats for
 * {@code -Dofflinestore.crash.cycles} cycles (20 by default) on one store.
 */
@CrashTest
public abstract class CrashRecoveryContract extends CrashContract {
    private static final int DEFAULT_CYCLES = 20;

    @TempDir
    Path directory;

    /** JVM options for the child, e.g. a smaller heap. */
    protected List<String> childJvmOptions() {
        return List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void acknowledgedBatchesSurviveKillsWholeAndNothingIsHalfWritten() throws Exception {
        int cycles = Integer.getInteger("offlinestore.crash.cycles", DEFAULT_CYCLES);
        long seed = Long.getLong("offlinestore.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path store = directory.resolve("store");
        long acknowledged = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            String context = "seed " + seed + ", cycle " + cycle;
            acknowledged = Math.max(acknowledged, runAndKill(store, 20 + random.nextInt(400), context));
            verify(store, acknowledged, context);
        }
        assertTrue(acknowledged >= cycles, "each cycle should commit at least one batch; acknowledged " + acknowledged);
    }

    /** Runs the writer until {@code millis} after it is ready, kills it, returns the last batch it acknowledged. */
    private long runAndKill(Path store, int millis, String context) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(childJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                getClass().getName(), store.toString()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicLong last = new AtomicLong();
        AtomicLong ready = new AtomicLong(-1);
        CountDownLatch firstCommit = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("committed ")) {
                        last.set(Long.parseLong(line.substring(10)));
                        firstCommit.countDown();
                    } else if (line.startsWith("ready ")) {
                        ready.set(Long.parseLong(line.substring(6)));
                    }
                }
            } catch (IOException e) {
                // the child was killed mid-line; what was read is what was acknowledged
            }
        });
        reader.start();
        if (!firstCommit.await(60, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(context + ": the writer acknowledged no batch (alive: " + child.isAlive() + ", ready: " + ready + ")");
        }
        Thread.sleep(millis);
        // SIGKILL through the process handle: Process.destroyForcibly would also close the pipe and
        // lose acknowledgements the child wrote before it died.
        child.toHandle().destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), context + ": the writer did not die");
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return last.get();
    }

    /** The documents re-read from their JSON text, so equal numbers have equal node types. */
    private static List<Document> normalized(List<Document> documents) {
        return documents.stream().map(d -> Document.parse(d.toJson())).toList();
    }

    private void verify(Path store, long acknowledged, String context) {
        try (OfflineStore reopened = OfflineStore.open(CrashWorkload.options(configure(store)))) {
            Map<Long, Integer> perBatch = new TreeMap<>();
            for (String name : CrashWorkload.COLLECTIONS) {
                for (Document document : reopened.collection(name).query(Query.filter(Filters.where("batch").exists()))) {
                    perBatch.merge(document.getLong("batch"), 1, Integer::sum);
                }
            }
            for (Map.Entry<Long, Integer> batch : perBatch.entrySet()) {
                assertEquals(CrashWorkload.DOCUMENTS_PER_BATCH, batch.getValue(),
                        context + ": batch " + batch.getKey() + " is only partly present");
            }
            long newest = perBatch.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            Long counter = reopened.collection("events").get(CrashWorkload.COUNTER).map(d -> d.getLong("last")).orElse(0L);
            assertEquals(newest, counter, context + ": the counter and the newest batch were not committed together");
            for (long batch = 1; batch <= acknowledged; batch++) {
                assertTrue(perBatch.containsKey(batch), context + ": acknowledged batch " + batch + " is missing");
            }
            for (long batch = Math.max(1, acknowledged - 2); batch <= acknowledged; batch++) {
                List<Document> written = CrashWorkload.batch(batch);
                List<Document> read = new ArrayList<>();
                for (String name : CrashWorkload.COLLECTIONS) {
                    read.addAll(reopened.collection(name).query(Query.filter(Filters.where("batch").eq(batch))));
                }
                read.sort(Comparator.comparing(d -> (String) d.id()));
                assertEquals(normalized(written), normalized(read),
                        context + ": batch " + batch + " read through its indexes differs from what was written");
            }
            assertTrue(newest <= acknowledged + 1, context + ": batches beyond the one in flight appeared: " + newest);
            IntegrityReport report = reopened.check();
            assertTrue(report.isHealthy(), context + ": " + report.problems());
        }
    }
}
