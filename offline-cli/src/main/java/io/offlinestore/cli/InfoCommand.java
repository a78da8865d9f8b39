package io.offlinestore.cli;

import io.offlinestore.CacheStats;
import io.offlinestore.OfflineStore;
import io.offlinestore.StorageInfo;
import io.offlinestore.schema.CachePolicy;
import io.offlinestore.schema.CollectionSchema;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code offline info}: per collection, its documents and the bytes they and their indexes take;
 * then the size limit, the space available, each collection's eviction policy and pending
 * changes, and its read cache policy and statistics (since this store was opened).
 */
@Command(name = "info", description = "Show each collection's documents and bytes, the size limit and space "
        + "available, each collection's eviction policy and unsynchronized changes, and its read cache.")
final class InfoCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        StorageInfo info = root.store().storageInfo();
        TextTable table = new TextTable(List.of("collection", "documents", "document bytes", "index bytes"));
        Map<String, StorageInfo.CollectionUsage> sorted = new TreeMap<>(info.collections());
        sorted.forEach((name, usage) -> table.add(List.of(name, String.valueOf(usage.documents()),
                String.valueOf(usage.documentBytes()), String.valueOf(usage.indexBytes()))));
        PrintWriter out = spec.commandLine().getOut();
        if (sorted.isEmpty()) {
            out.println("no collections");
        } else {
            table.print(out);
        }
        out.println("total: " + info.usedBytes() + " bytes (keys and values of all keyspaces, metadata included)");
        printStorageManagement(out, info, sorted);
        printCache(out, root.store(), sorted.keySet());
        out.flush();
        return ExitCodes.OK;
    }

    /** The size limit, the space available, and each collection's eviction policy and pending changes. */
    private static void printStorageManagement(PrintWriter out, StorageInfo info,
                                               Map<String, StorageInfo.CollectionUsage> collections) {
        out.println("size limit: " + (info.sizeLimit().isPresent() ? info.sizeLimit().getAsLong() + " bytes" : "none")
                + ", available: " + info.availableBytes() + " bytes");
        if (collections.isEmpty()) {
            return;
        }
        TextTable policies = new TextTable(List.of("collection", "eviction", "pending changes"));
        collections.forEach((name, usage) -> policies.add(List.of(name,
                usage.eviction() == null ? "-" : usage.eviction().toString(), String.valueOf(usage.pendingChanges()))));
        policies.print(out);
    }

    /** The read cache: its store-wide bound, then each collection's policy and figures since open. */
    private static void printCache(PrintWriter out, OfflineStore store, Iterable<String> collections) {
        CacheStats stats = store.cacheStats();
        out.println(stats.maxBytes() == 0 ? "cache: off (cache size 0)"
                : "cache: " + stats.maxBytes() + " bytes shared by the collections without a cache of their own");
        TextTable table = new TextTable(List.of("collection", "cache policy", "hits", "misses", "hit rate", "evictions",
                "cached bytes"));
        for (String name : collections) {
            String policy = store.options().collection(name).map(CollectionSchema::cache).orElse(CachePolicy.shared())
                    .toString();
            CacheStats.Collection figures = stats.collections().getOrDefault(name,
                    new CacheStats.Collection(policy, 0, 0, 0, 0));
            table.add(List.of(name, stats.maxBytes() == 0 ? "none" : figures.policy(), String.valueOf(figures.hits()),
                    String.valueOf(figures.misses()), String.format(Locale.ROOT, "%.1f%%", 100 * figures.hitRate()),
                    String.valueOf(figures.evictions()), String.valueOf(figures.weight())));
        }
        table.print(out);
    }
}
