package io.offlinestore.cli;

import io.offlinestore.Document;
import io.offlinestore.DocumentNotFoundException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code offline get COLLECTION ID [--include REL]...}: prints one document; exit 1 when there is none. */
@Command(name = "get", description = "Print the document with this id as one JSON line; exit 1 if there is none.")
final class GetCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CollectionParameter collection;

    @Parameters(index = "1", paramLabel = "ID", converter = DocumentIdConverter.class,
            description = "The id: 7 is an integer, '\"7\"' the string \"7\", other text (user123) a string.")
    private Object id;

    @Option(names = "--include", paramLabel = "REL",
            description = "Load a relationship's documents into the result (dotted for nested: items.product); repeatable.")
    private List<String> include = List.of();

    @Override
    public Integer call() {
        Document document = root.collection(collection.name()).get(id, include.toArray(String[]::new))
                .orElseThrow(() -> new DocumentNotFoundException(collection.name(), id));
        PrintWriter out = spec.commandLine().getOut();
        out.println(document.toJson());
        out.flush();
        return ExitCodes.OK;
    }
}
