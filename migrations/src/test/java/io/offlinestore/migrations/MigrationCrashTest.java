package io.offlinestore.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Filters;
import io.offlinestore.testkit.crash.CrashTest;
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
 * A non-idempotent migration (add one to a counter) killed with SIGKILL at random points, over
 * and over ({@code -Dofflinestore.crash.cycles}, 20 by default) on a mapdb store of
 * {@code -Dofflinestore.migration.crash.documents} documents (10,000 by default to keep the run
 * near a minute; the full size is 100,000): every fifth kill the store is checked for a
 * document incremented twice, and the open that
 * finishes the migration leaves every document incremented exactly once and the store healthy.
 */
@CrashTest
class MigrationCrashTest {
    static final Migration MIGRATION = new IncrementVisits(2, "items", -1);
    private static final int CYCLES = Integer.getInteger("offlinestore.crash.cycles", 20);
    private static final int DOCUMENTS = Integer.getInteger("offlinestore.migration.crash.documents", 10_000);

    @TempDir
    Path directory;

    static StoreOptions options(Path store) {
        return StoreOptions.builder().backend("mapdb").path(store).version(2).build();
    }

    @Test
    void aKilledMigrationResumesAndTransformsEachDocumentExactlyOnce() throws Exception {
        Path store = directory.resolve("store");
        try (OfflineStore created = OfflineStore.open(options(store).toBuilder().version(1).build())) {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                batch.add(Document.parse("{\"id\":" + i + ",\"visits\":0,\"pad\":\"" + "x".repeat(64) + "\"}"));
                if (batch.size() == 5_000 || i == DOCUMENTS - 1) {
                    created.collection("items").createBatch(batch);
                    batch.clear();
                }
            }
        }
        Random random = new Random(Long.getLong("offlinestore.crash.seed", System.nanoTime()));
        int kills = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            if (!runAndKill(store, random.nextInt(2), random.nextInt(40))) {
                break;
            }
            kills++;
            if (kills % 5 != 0) {
                continue;
            }
            try (OfflineStore killed = OfflineStore.open(options(store).toBuilder().migrateOnOpen(false).build())) {
                assertEquals(0, killed.collection("items").count(Filters.where("visits").gt(1)),
                        "no document was incremented twice, after kill " + kills);
                assertEquals(DOCUMENTS, killed.collection("items").count());
            }
        }
        assertTrue(kills >= Math.min(CYCLES, 5), "the child was killed mid-migration " + kills + " times");
        try (OfflineStore finished = OfflineStore.open(options(store).toBuilder().migrations(List.of(MIGRATION)).build())) {
            assertEquals(DOCUMENTS, finished.collection("items").count(Filters.where("visits").eq(1)));
            assertEquals(DOCUMENTS, finished.collection("items").count());
            assertTrue(finished.check().isHealthy(), finished.check().problems().toString());
            MigrationStatus status = MigrationRunner.of(finished, List.of(MIGRATION)).status();
            assertEquals(2, status.storedVersion());
            assertEquals(DOCUMENTS, status.applied().get(status.applied().size() - 1).documents());
        }
    }

    /** Runs the child until it acknowledged {@code batches} batches, waits {@code millis}, kills it; false if it finished first. */
    private static boolean runAndKill(Path store, int batches, int millis) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MigratingChild.class.getName(), store.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int seen = 0;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("done")) {
                    break;
                }
                if (line.startsWith("batch ") && ++seen >= batches || line.equals("ready") && batches == 0) {
                    Thread.sleep(millis);
                    child.destroyForcibly();
                    killed = true;
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
        }
        return killed;
    }
}
