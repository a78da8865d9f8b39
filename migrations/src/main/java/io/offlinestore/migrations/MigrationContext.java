package io.offlinestore.migrations;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.query.Filter;
import io.offlinestore.schema.IndexDefinition;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What a migration works with. Each helper is one step that streams the collection in id order
 * and commits in batches, each batch together with the migration's checkpoint, so that after a
 * crash the step resumes after the last committed document and each document is transformed
 * exactly once. Documents are seen decrypted and written re-sealed.
 */
public interface MigrationContext {

    /**
     * A collection of the store, for reads and small writes. Writes made through it directly are
     * not checkpointed: after a crash they may run again; use the helpers for data changes.
     */
    DocumentCollection collection(String name);

    /** Sets {@code path} to {@code defaultValue} in every document that lacks it. */
    void addField(String collection, String path, Object defaultValue);

    /** Moves the value at {@code from} to {@code to} in every document that has it. */
    void renameField(String collection, String from, String to);

    /** Removes {@code path} from every document that has it. */
    void removeField(String collection, String path);

    /**
     * Replaces every document matching {@code filter} with what {@code transform} returns (a
     * document with the same id); returning {@code null} deletes the document. The transform is
     * applied exactly once per document, even across a crash.
     */
    void transform(String collection, Filter filter, UnaryOperator<Document> transform);

    /** Deletes every document matching {@code filter}. */
    void deleteWhere(String collection, Filter filter);

    /** Adds an index (nothing if the collection has one of that name) and fills it. */
    void createIndex(String collection, IndexDefinition index);

    /** Removes an index (nothing if there is none of that name). */
    void dropIndex(String collection, String name);

    /** Copies every document, and the indexes, of {@code from} into {@code to}. */
    void copyCollection(String from, String to);

    /**
     * Moves every document, and the indexes, of {@code from} into {@code to}; {@code from} is left
     * empty.
     */
    void renameCollection(String from, String to);

    /** Tells {@code listener} after each committed batch. */
    void progress(Consumer<MigrationProgress> listener);
}
