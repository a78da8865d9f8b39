package io.offlinestore.testkit.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.StorageBackend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomicity of one large batch under {@code kill -9}: a child JVM ({@link LargeBatchWriter}) applies
 * batches of about {@value LargeBatchWriter#BATCH_MEGABYTES} MB, each rewriting every entry of one
 * keyspace, and the test kills it at a random moment while a batch is being applied (or, now and
 * then, just after one returned). After each kill the store is reopened through the storage SPI and
 * must hold exactly one batch, whole: every entry and the counter carry the same batch number, no
 * older than the last batch acknowledged and no newer than the one in flight. A backend that lets
 * its engine write part of a large transaction on its own (a write buffer that overflows into the
 * file) fails it. {@code -Dofflinestore.crash.largeBatch.cycles} sets the number of kills (3 by
 * default).
 */
@Tag("crash")
public abstract class LargeBatchCrashContract {
    private static final int DEFAULT_CYCLES = 3;
    private static final long FIRST_BATCH_LIMIT_SECONDS = 120;

    @TempDir
    Path directory;

    /** The name of the persistent backend under test. */
    protected abstract String backend();

    /** JVM options for the child: room for a batch held about three times over while it commits. */
    protected List<String> childJvmOptions() {
        return List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void aLargeBatchIsThereWholeOrNotAtAllAfterAKill() throws Exception {
        int cycles = Integer.getInteger("offlinestore.crash.largeBatch.cycles", DEFAULT_CYCLES);
        long seed = Long.getLong("offlinestore.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path store = directory.resolve("store");
        long acknowledged = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            String context = "seed " + seed + ", cycle " + cycle;
            acknowledged = Math.max(acknowledged, runAndKill(store, random, context));
            acknowledged = verify(store, acknowledged, context);
        }
    }

    /**
     * Runs the writer until it starts applying a batch after the first commit of this run, kills it a
     * random moment later, and returns the last batch it acknowledged.
     */
    private long runAndKill(Path store, Random random, String context) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(childJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LargeBatchWriter.class.getName(),
                backend(), store.toString()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        AtomicLong committed = new AtomicLong();
        AtomicLong applyingSince = new AtomicLong();
        AtomicLong lastApplyNanos = new AtomicLong();
        CountDownLatch applyingAfterCommit = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("committed ")) {
                        committed.set(Long.parseLong(line.substring(10)));
                        lastApplyNanos.set(System.nanoTime() - applyingSince.get());
                    } else if (line.startsWith("applying ")) {
                        applyingSince.set(System.nanoTime());
                        if (committed.get() > 0) {
                            applyingAfterCommit.countDown();
                        }
                    }
                }
            } catch (IOException e) {
                // the child was killed mid-line; what was read is what was acknowledged
            }
        });
        reader.start();
        if (!applyingAfterCommit.await(FIRST_BATCH_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            child.toHandle().destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            fail(context + ": the writer committed no large batch within " + FIRST_BATCH_LIMIT_SECONDS + " s");
        }
        // anywhere in the next apply, as long as the last one took, and a little past its end
        long applyMillis = TimeUnit.NANOSECONDS.toMillis(lastApplyNanos.get());
        Thread.sleep(1 + (long) (random.nextDouble() * applyMillis * 1.1));
        // SIGKILL through the process handle: Process.destroyForcibly would also close the pipe and
        // lose acknowledgements the child wrote before it died.
        child.toHandle().destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), context + ": the writer did not die");
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return committed.get();
    }

    /** Checks the store after a kill; returns the batch it holds. */
    private long verify(Path store, long acknowledged, String context) {
        try (StorageBackend backend = LargeBatchWriter.open(backend(), store)) {
            long batch = LargeBatchWriter.number(backend.get(LargeBatchWriter.KEYSPACE, LargeBatchWriter.COUNTER));
            assertTrue(batch >= acknowledged, context + ": batch " + acknowledged + " was acknowledged, the store holds " + batch);
            assertTrue(batch <= acknowledged + 1, context + ": the store holds batch " + batch
                    + ", beyond the one in flight after " + acknowledged);
            int entries = 0;
            int stale = 0;
            long firstStale = -1;
            try (KeyValueCursor cursor = backend.scan(LargeBatchWriter.KEYSPACE, KeyRange.all(), false)) {
                while (cursor.hasNext()) {
                    KeyValue entry = cursor.next();
                    if (Arrays.equals(entry.key(), LargeBatchWriter.COUNTER)) {
                        continue;
                    }
                    if (LargeBatchWriter.number(entry.value()) != batch) {
                        stale++;
                        firstStale = firstStale < 0 ? LargeBatchWriter.number(entry.value()) : firstStale;
                    } else if (stale == 0 && entries % 997 == 0) {
                        assertArrayEquals(LargeBatchWriter.value(batch, entries), entry.value(), context + ": entry " + entries);
                    }
                    entries++;
                }
            }
            assertEquals(0, stale, context + ": the counter says batch " + batch + " but " + stale + " of " + entries
                    + " entries are from another batch (e.g. " + firstStale + "): a large batch was committed in part");
            assertEquals(LargeBatchWriter.ENTRIES, entries, context + ": entries of batch " + batch);
            return batch;
        }
    }
}
