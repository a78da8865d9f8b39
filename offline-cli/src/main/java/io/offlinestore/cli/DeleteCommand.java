package io.offlinestore.cli;

import io.offlinestore.DocumentNotFoundException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code offline delete COLLECTION ID}: deletes one document; exit 1 when there was none. */
@Command(name = "delete", description = "Delete the document with this id; exit 1 if there was none.")
final class DeleteCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Mixin
    private CollectionParameter collection;

    @Parameters(index = "1", paramLabel = "ID", converter = DocumentIdConverter.class,
            description = "The id, read as for 'get'.")
    private Object id;

    @Override
    public Integer call() {
        if (!root.collection(collection.name()).delete(id)) {
            throw new DocumentNotFoundException(collection.name(), id);
        }
        return ExitCodes.OK;
    }
}
