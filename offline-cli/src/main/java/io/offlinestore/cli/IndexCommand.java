package io.offlinestore.cli;

import io.offlinestore.ConfigurationException;
import io.offlinestore.DocumentCollection;
import io.offlinestore.schema.IndexDefinition;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code offline index COLLECTION FIELD[,FIELD...] [--unique] [--name NAME]}: adds a secondary
 * index (compound when several fields are given) and fills it from the existing documents in
 * one atomic step. Asking again for an index that exists with the same definition does nothing.
 */
@Command(name = "index", description = "Add a secondary index over one field or, comma-separated, several; "
        + "existing documents are indexed at once.")
final class IndexCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CollectionParameter collection;

    @Parameters(index = "1", paramLabel = "FIELD[,FIELD...]", split = ",",
            description = "The indexed field paths, in key order.")
    private List<String> fields;

    @Option(names = "--unique", description = "Reject two documents with the same values.")
    private boolean unique;

    @Option(names = "--name", paramLabel = "NAME", description = "The index name (default: the fields joined by '_').")
    private String name;

    @Override
    public Integer call() {
        IndexDefinition index = definition();
        DocumentCollection documents = root.collection(collection.name());
        boolean existed = documents.schema().index(index.name()).isPresent();
        try {
            documents.createIndex(index);
        } catch (ConfigurationException e) {
            // The store is open by now: the only configuration error left is a clash with an
            // existing index of the same name, which is a problem with the arguments.
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, index.name());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println((existed ? "index exists: " : "created index ") + "'" + index.name() + "' on " + collection.name()
                + " (" + String.join(", ", index.fields()) + ")" + (index.unique() ? " unique" : ""));
        out.flush();
        return ExitCodes.OK;
    }

    private IndexDefinition definition() {
        try {
            return new IndexDefinition(name, fields, unique);
        } catch (ConfigurationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, String.join(",", fields));
        }
    }
}
