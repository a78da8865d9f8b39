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

/** {@code offline info}: per collection, its documents and the bytes they and their indexes take. */
@Command(name = "info", description = "Show each collection's documents and bytes, as a table.")
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
        out.flush();
        return ExitCodes.OK;
    }
}
