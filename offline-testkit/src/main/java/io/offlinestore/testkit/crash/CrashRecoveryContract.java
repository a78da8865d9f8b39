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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
 * batch is partly present, each writer's batches are there without a gap up to at most one
 * beyond its last acknowledged, and every index agrees with the documents. It repeats for
 * {@code -Dofflinestore.crash.cycles} cycles (20 by default) on one store with one writer, and
 * for half as many with {@value #CONCURRENT_WRITERS} writer threads committing at the same time
 * (whose commits the engine writes in groups).
 */
@CrashTest
public abstract class CrashRecoveryContract extends CrashContract {
    private static final int DEFAULT_CYCLES = 20;
    private static final int CONCURRENT_WRITERS = 4;

    @TempDir
    Path directory;

    /** JVM options for the child, e.g. a smaller heap. */
    protected List<String> childJvmOptions() {
        return List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void acknowledgedBatchesSurviveKillsWholeAndNothingIsHalfWritten() throws Exception {
        crashCycles(1, cycles());
    }

    @Test
    void acknowledgedBatchesOfConcurrentWritersSurviveKillsWhole() throws Exception {
        crashCycles(CONCURRENT_WRITERS, Math.max(1, cycles() / 2));
    }

    private static int cycles() {
        return Integer.getInteger("offlinestore.crash.cycles", DEFAULT_CYCLES);
    }

    private void crashCycles(int writers, int cycles) throws Exception {
        long seed = Long.getLong("offlinestore.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path store = directory.resolve("store");
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            String context = writers + " writers, seed " + seed + ", cycle " + cycle;
            int before = acknowledged.size();
            runAndKill(store, writers, 20 + random.nextInt(400), acknowledged, context);
            assertTrue(acknowledged.size() > before, context + ": no batch acknowledged");
            verify(store, writers, acknowledged, context);
        }
    }

    /** Runs the writers until {@code millis} after the first commit, kills them, adds what they acknowledged. */
    private void runAndKill(Path store, int writers, int millis, Set<Long> acknowledged, String context)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(childJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                getClass().getName(), store.toString(), Integer.toString(writers)));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicLong ready = new AtomicLong(-1);
        CountDownLatch firstCommit = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("committed ")) {
                        acknowledged.add(Long.parseLong(line.substring(10)));
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
    }

    /** The documents re-read from their JSON text, so equal numbers have equal node types. */
    private static List<Document> normalized(List<Document> documents) {
        return documents.stream().map(d -> Document.parse(d.toJson())).toList();
    }

    private void verify(Path store, int writers, Set<Long> acknowledged, String context) {
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
            for (long batch : acknowledged) {
                assertTrue(perBatch.containsKey(batch), context + ": acknowledged batch " + batch + " is missing");
            }
            for (int writer = 0; writer < writers; writer++) {
                verifyWriter(reopened, writer, writers, perBatch.keySet(), acknowledged, context);
            }
            List<Long> newestAcknowledged = acknowledged.stream().sorted(Comparator.reverseOrder()).limit(3).toList();
            for (long batch : newestAcknowledged) {
                List<Document> written = CrashWorkload.batch(batch);
                List<Document> read = new ArrayList<>();
                for (String name : CrashWorkload.COLLECTIONS) {
                    read.addAll(reopened.collection(name).query(Query.filter(Filters.where("batch").eq(batch))));
                }
                read.sort(Comparator.comparing(d -> (String) d.id()));
                assertEquals(normalized(written), normalized(read),
                        context + ": batch " + batch + " read through its indexes differs from what was written");
            }
            IntegrityReport report = reopened.check();
            assertTrue(report.isHealthy(), context + ": " + report.problems());
        }
    }

    /**
     * One writer's batches: its counter names its newest batch present, they run without a gap
     * from its first, and at most the one in flight goes beyond its last acknowledged.
     */
    private static void verifyWriter(OfflineStore reopened, int writer, int writers, Set<Long> present,
                                     Set<Long> acknowledged, String context) {
        List<Long> own = present.stream().filter(b -> CrashWorkload.writerOf(b, writers) == writer).sorted().toList();
        long newest = own.isEmpty() ? 0 : own.get(own.size() - 1);
        assertEquals(newest, CrashWorkload.lastBatch(reopened, writer),
                context + ": writer " + writer + "'s counter and newest batch were not committed together");
        for (int i = 0; i < own.size(); i++) {
            assertEquals(writer + 1 + (long) i * writers, own.get(i), context + ": writer " + writer
                    + "'s batches have a gap: " + own);
        }
        long lastAcknowledged = acknowledged.stream().filter(b -> CrashWorkload.writerOf(b, writers) == writer)
                .mapToLong(Long::longValue).max().orElse(0);
        assertTrue(newest <= Math.max(lastAcknowledged + writers, writer + 1), context + ": writer " + writer
                + "'s batches beyond the one in flight appeared: " + newest + " after " + lastAcknowledged);
    }
}
