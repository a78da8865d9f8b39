package io.offlinestore.cli;

import io.offlinestore.Document;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code offline put COLLECTION JSON|@FILE}: stores a document, creating or replacing it. */
@Command(name = "put", description = "Store a document, creating it or replacing the one with its id; prints the stored document.")
final class PutCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CollectionParameter collection;

    @Parameters(index = "1", paramLabel = "JSON|@FILE",
            description = "The document as a JSON object with its id, or @FILE to read it from a file.")
    private String document;

    @Override
    public Integer call() {
        Document parsed = Document.parse(InputFiles.jsonArgument(document, spec.commandLine()));
        Document stored = root.collection(collection.name()).put(parsed);
        PrintWriter out = spec.commandLine().getOut();
        out.println(stored.toJson());
        out.flush();
        return ExitCodes.OK;
    }
}
