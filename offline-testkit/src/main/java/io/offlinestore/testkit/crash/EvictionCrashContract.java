package io.offlinestore.testkit.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.offlinestore.Change;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.EvictionPolicy;
import io.offlinestore.IntegrityReport;
import io.offlinestore.OfflineStore;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An eviction pass killed with SIGKILL: a child JVM ({@link EvictionCrashWriter}) writes
 * batches into a collection bounded by a max-documents policy and evicts after each, and the
 * test kills it at a random moment during a pass. After each kill the store reopens healthy
 * ({@code check()}: every document with all its index entries, no entry without its
 * document), every document present is whole, every document left pending before the kill is
 * still there, and the change log holds only the creates: no eviction became a change record.
 * {@code -Dofflinestore.crash.eviction.cycles} sets the number of kills (3 by default).
 */
@CrashTest
public abstract class EvictionCrashContract extends CrashContract {
    /** The collection the child writes: indexed, and evicted beyond 500 documents. */
    static final CollectionSchema SCHEMA = CollectionSchema.builder("logs").index(IndexDefinition.of("level"))
            .eviction(EvictionPolicy.maxDocuments(500)).build();
    private static final int DEFAULT_CYCLES = 3;
    private static final long START_LIMIT_SECONDS = 120;

    @TempDir
    Path directory;

    /** Document {@code id} as the child writes it. */
    static Document document(long id) {
        return Document.parse("{\"id\":" + id + ",\"level\":\"l" + id % 5 + "\",\"text\":\"payload-" + id + "\"}");
    }

    @Test
    void aKilledEvictionLeavesDocumentsWholeOrGoneAndPendingOnesKept() throws Exception {
        int cycles = Integer.getInteger("offlinestore.crash.eviction.cycles", DEFAULT_CYCLES);
        long seed = Long.getLong("offlinestore.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path store = directory.resolve("store");
        List<long[]> pending = new ArrayList<>();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            String context = "seed " + seed + ", cycle " + cycle;
            pending.addAll(runAndKill(store, cycle * 1_000_000L, random, context));
            verify(store, pending, context);
        }
    }

    /** Runs the child until a random eviction pass is under way, kills it, and returns the pending ranges it announced. */
    private List<long[]> runAndKill(Path store, long firstId, Random random, String context)
            throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), EvictionCrashWriter.class.getName(),
                getClass().getName(), store.toString(), Long.toString(firstId))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<long[]> pending = new ArrayList<>();
        int killAtPass = 2 + random.nextInt(4);
        boolean killed = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && System.nanoTime() < deadline; line = out.readLine()) {
                String[] words = line.split(" ");
                if (words[0].equals("pending")) {
                    pending.add(new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])});
                } else if (words[0].equals("evicting") && Integer.parseInt(words[1]) == killAtPass) {
                    Thread.sleep(random.nextInt(40));
                    // SIGKILL through the process handle, never by a name pattern
                    child.toHandle().destroyForcibly();
                    killed = true;
                    break;
                }
            }
        } finally {
            child.toHandle().destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), context + ": the child did not die");
        }
        if (!killed) {
            fail(context + ": the child ran no eviction pass " + killAtPass + " within " + START_LIMIT_SECONDS + " s");
        }
        return pending;
    }

    private void verify(Path store, List<long[]> pending, String context) {
        try (OfflineStore reopened = OfflineStore.open(configure(store).collection(SCHEMA).build())) {
            IntegrityReport report = reopened.check();
            assertTrue(report.isHealthy(), context + ": " + report.problems());
            DocumentCollection logs = reopened.collection(SCHEMA.name());
            List<Document> all = logs.query(Query.all());
            for (Document doc : all) {
                assertEquals(document((Long) doc.id()).toJsonNode(), doc.toJsonNode(), context + ": a whole document");
            }
            for (long[] range : pending) {
                for (long id = range[0]; id <= range[1]; id++) {
                    assertTrue(logs.get(id).isPresent(), context + ": pending document " + id + " was evicted");
                }
            }
            for (int level = 0; level < 5; level++) {
                int l = level;
                assertEquals(all.stream().filter(d -> d.getString("level").equals("l" + l)).count(),
                        logs.count(Filters.where("level").eq("l" + l)), context + ": the level index agrees");
            }
            for (Change change : reopened.getChanges()) {
                assertEquals(Change.Operation.CREATE, change.operation(), context + ": " + change);
            }
        }
    }
}
