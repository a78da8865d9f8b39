package io.offlinestore.cli;

import io.offlinestore.Document;
import io.offlinestore.query.Query;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code offline export COLLECTION}: every document as JSON lines in id order, streamed from
 * the backend so a collection of any size is written in constant memory.
 */
@Command(name = "export", description = "Write every document of the collection as JSON lines, in id order.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CollectionParameter collection;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Stream<Document> documents = root.collection(collection.name()).stream(Query.all())) {
            documents.forEach(document -> out.println(document.toJson()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
