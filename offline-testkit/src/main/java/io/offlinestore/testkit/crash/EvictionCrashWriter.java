package io.offlinestore.testkit.crash;

import io.offlinestore.Change;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of the eviction crash test: opens the store with the
 * {@link EvictionCrashContract#SCHEMA} collection (max-documents policy) and loops: writes a
 * batch of {@link #BATCH} documents, marks it synchronized (every fourth batch stays pending and
 * is announced as {@code pending FIRST LAST}), then runs an eviction pass between the lines
 * {@code evicting N} and {@code evicted N}, until it is killed.
 */
public final class EvictionCrashWriter {
    static final int BATCH = 300;

    private EvictionCrashWriter() {
    }

    /** Arguments: the crash contract's class name, store path, first document id. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (OfflineStore store = OfflineStore.open(CrashContract.instance(args[0]).configure(Path.of(args[1]))
                .collection(EvictionCrashContract.SCHEMA).build())) {
            DocumentCollection logs = store.collection(EvictionCrashContract.SCHEMA.name());
            long next = Long.parseLong(args[2]);
            for (int round = 1; ; round++) {
                List<Document> batch = new ArrayList<>();
                for (long id = next; id < next + BATCH; id++) {
                    batch.add(EvictionCrashContract.document(id));
                }
                logs.createBatch(batch);
                long first = next;
                long last = next + BATCH - 1;
                next += BATCH;
                if (round % 4 == 0) {
                    out.println("pending " + first + " " + last);
                } else {
                    List<Change> mine = store.getChanges(logs.name()).stream()
                            .filter(c -> c.id() instanceof Long id && id >= first && id <= last).toList();
                    store.markSynchronized(mine);
                }
                out.println("evicting " + round);
                store.evict();
                out.println("evicted " + round);
            }
        }
    }
}
