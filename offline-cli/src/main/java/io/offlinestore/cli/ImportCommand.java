package io.offlinestore.cli;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.OfflineStoreException;
import io.offlinestore.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code offline import COLLECTION FILE}: creates the documents of a JSON-lines file (one
 * object a line, blank lines skipped) in atomic batches of {@value #BATCH_SIZE} with
 * {@code createBatch}. A batch holding a bad line, an id already stored, or a taken unique value
 * is not applied at all and stops the import; the batches before it stay imported, and standard
 * error says how far the import got. A progress bar is drawn on standard error when it is a
 * terminal.
 */
@Command(name = "import", description = "Create the documents of a JSON-lines file, in atomic batches of "
        + ImportCommand.BATCH_SIZE + "; a failing batch (bad line, existing id) stops the import and is not applied.")
final class ImportCommand implements Callable<Integer> {
    /** Documents per atomic batch. */
    static final int BATCH_SIZE = 1000;

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CollectionParameter collection;

    @Parameters(index = "1", paramLabel = "FILE", description = "A JSON-lines file: one document a line.")
    private Path file;

    @Override
    public Integer call() {
        CommandLine command = spec.commandLine();
        Batches batches = new Batches(root.collection(collection.name()));
        try (BufferedReader reader = InputFiles.open(file, command);
             ProgressBar progress = new ProgressBar(command.getErr(), Files.size(file), System.console() != null)) {
            long bytes = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (batches.add(line)) {
                    progress.update(bytes, batches.imported);
                }
            }
            batches.flush();
            progress.update(bytes, batches.imported);
        } catch (IOException e) {
            reportStop(batches);
            throw InputFiles.unreadable(file, e, command);
        } catch (OfflineStoreException | ParameterException e) {
            reportStop(batches);
            throw e;
        }
        PrintWriter out = command.getOut();
        out.println("imported " + batches.imported + " documents into " + collection.name() + " in " + batches.written
                + (batches.written == 1 ? " batch" : " batches"));
        out.flush();
        return ExitCodes.OK;
    }

    /** Tells how far a failed import got (once it had read a line): what was refused, what was written. */
    private void reportStop(Batches batches) {
        if (batches.lastLine == 0) {
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("import stopped at line " + batches.failedLine + ": nothing from line " + batches.firstPending
                + " on was imported; " + batches.imported + " documents of earlier lines were");
        err.flush();
    }

    /** The lines of one import, gathered into batches and written batch by batch. */
    private final class Batches {
        private final DocumentCollection target;
        private final String keyPath;
        private final List<Document> pending = new ArrayList<>(BATCH_SIZE);
        /** The line of each pending document, in order. */
        private final List<Long> pendingLines = new ArrayList<>(BATCH_SIZE);
        /** The line of each pending document that has an id, by that id. */
        private final Map<Object, Long> pendingIds = new HashMap<>();
        /** The first line not yet imported. */
        private long firstPending = 1;
        private long lastLine;
        /** The line the import stopped at: the offending one when known, else the last one read. */
        private long failedLine;
        private long imported;
        private int written;

        Batches(DocumentCollection target) {
            this.target = target;
            this.keyPath = target.schema().keyPath();
        }

        /**
         * Takes the next line (blank lines and a UTF-8 byte-order mark opening the file are
         * skipped); returns whether a full batch was written.
         */
        boolean add(String line) {
            lastLine++;
            failedLine = lastLine;
            if (lastLine == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                return false;
            }
            Document document;
            Object id;
            try {
                document = Document.parse(line).withKeyPath(keyPath);
                id = document.id();
            } catch (InvalidDocumentException e) {
                throw new InvalidDocumentException(file + " line " + lastLine + ": " + e.getMessage(), e);
            }
            if (id != null) {
                Long earlier = pendingIds.putIfAbsent(id, lastLine);
                if (earlier != null) {
                    throw new DuplicateKeyException(target.name(), null, file + " line " + lastLine + ": id "
                            + id + " is already on line " + earlier);
                }
            }
            pending.add(document);
            pendingLines.add(lastLine);
            if (pending.size() < BATCH_SIZE) {
                return false;
            }
            flush();
            return true;
        }

        /** Writes the pending documents as one atomic batch. */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            try {
                target.createBatch(pending);
            } catch (InvalidDocumentException | DuplicateKeyException e) {
                long refused = lineRefused();
                if (refused < 0) {
                    throw e;
                }
                failedLine = refused;
                throw withLine(e, refused);
            }
            imported += pending.size();
            written++;
            pending.clear();
            pendingLines.clear();
            pendingIds.clear();
            firstPending = lastLine + 1;
        }

        /**
         * The line of the first pending document the store refuses on its own, found by creating
         * them one by one in a transaction that is rolled back; -1 when each passes alone (a
         * unique value taken twice within the batch).
         */
        private long lineRefused() {
            try (Transaction probe = root.store().beginTransaction(target.name())) {
                DocumentCollection collection = probe.collection(target.name());
                for (int i = 0; i < pending.size(); i++) {
                    try {
                        collection.create(pending.get(i));
                    } catch (InvalidDocumentException | DuplicateKeyException e) {
                        return pendingLines.get(i);
                    }
                }
            }
            return -1;
        }

        private OfflineStoreException withLine(OfflineStoreException e, long line) {
            String message = file + " line " + line + ": " + e.getMessage().replaceFirst("^batch item \\d+: ", "");
            return e instanceof DuplicateKeyException duplicate
                    ? new DuplicateKeyException(duplicate.collection(), duplicate.index(), message)
                    : new InvalidDocumentException(message, e);
        }
    }
}
