package io.offlinestore.cli;

import io.offlinestore.StorageInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code offline info}: per collection, its documents and the bytes they and their indexes take;
 * then the size limit, the space available, and each collection's eviction policy and pending
 * changes.
 */
@Command(name = "info", description = "Show each collection's documents and bytes, the size limit and space "
        + "available, and each collection's eviction policy and unsynchronized changes.")
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
}
