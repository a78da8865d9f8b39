package io.offlinestore;

import io.offlinestore.query.Explanation;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A named set of JSON documents, each identified by the value at the collection's key path.
 * Every write, single or batch, is atomic: it is applied whole, with its index entries, or not
 * at all. Ids are strings or integers; numbers compare by value, so {@code get(7)} and
 * {@code get(7L)} find the same document.
 */
public interface DocumentCollection {

    /** The collection's name. */
    String name();

    /** The collection's current schema (key path and indexes). */
    CollectionSchema schema();

    /**
     * Stores a new document.
     *
     * @return the stored document (with its generated id, when the schema generates ids)
     * @throws DuplicateKeyException if the id exists or a unique index value is taken
     * @throws InvalidDocumentException if the document lacks its id or cannot be indexed
     */
    Document create(Document document);

    /** The document with this id, if there is one. */
    Optional<Document> get(Object id);

    /**
     * The document with this id with related documents loaded under each named relationship
     * (dotted paths reach further: {@code "items.product"}).
     *
     * @throws QueryException if a name is not a relationship of the collection
     */
    Optional<Document> get(Object id, String... include);

    /** The stored metadata of the document with this id (version, timestamps), if there is one. */
    Optional<DocumentMetadata> metadata(Object id);

    /**
     * Replaces a whole document.
     *
     * @throws DocumentNotFoundException if no document has its id
     */
    Document update(Document document);

    /**
     * Stores the document whether or not one with its id exists (create or replace).
     *
     * @return the stored document
     */
    Document put(Document document);

    /**
     * Merges a partial document into the stored one (JSON merge patch, RFC 7386: a null value
     * removes the field, objects merge recursively). The id cannot be changed.
     *
     * @return the merged document
     * @throws DocumentNotFoundException if no document has the id
     */
    Document patch(Object id, Document partial);

    /** Deletes the document with this id; returns whether there was one. */
    boolean delete(Object id);

    /** Creates every document, or none if any one fails. */
    List<Document> createBatch(List<Document> documents);

    /** Stores every document, creating or replacing each, or none if any one fails. */
    List<Document> putBatch(List<Document> documents);

    /**
     * Merges each partial (which carries its id) into its stored document, or changes none if any
     * one fails.
     */
    List<Document> updateBatch(List<Document> partials);

    /** Deletes the documents with these ids in one atomic step; returns how many existed. */
    int deleteBatch(List<?> ids);

    /** The matching documents, in the query's order. */
    List<Document> query(Query query);

    /**
     * The matching documents as a lazy stream that reads from the backend as it goes. Close it
     * (try-with-resources) to release the underlying cursor.
     */
    Stream<Document> stream(Query query);

    /** How many documents match the filter. */
    long count(Filter filter);

    /** How many documents the collection holds. */
    long count();

    /** How {@link #query} would run this query. */
    Explanation explain(Query query);

    /**
     * Adds a secondary index and fills it from the existing documents, in one atomic step.
     *
     * @throws DuplicateKeyException if the index is unique and existing documents share a value
     */
    void createIndex(IndexDefinition index);

    /** Removes the named index; returns whether it existed. */
    boolean dropIndex(String name);
}
