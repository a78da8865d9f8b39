package io.offlinestore;

import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.spi.OfflineStoreFactory;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * An open document store: named collections of JSON documents over one storage backend. Open
 * it with {@link #open(StoreOptions)} and close it when done; it is safe for use by many
 * threads.
 */
public interface OfflineStore extends AutoCloseable {

    /**
     * Opens (creating if needed) the store the options describe, with the engine found on the
     * classpath.
     *
     * @throws BackendNotFoundException if no backend has the configured name
     * @throws ConfigurationException if no engine is on the classpath or an option is unusable
     */
    static OfflineStore open(StoreOptions options) {
        Iterator<OfflineStoreFactory> factories = ServiceLoader.load(OfflineStoreFactory.class).iterator();
        if (!factories.hasNext()) {
            throw new ConfigurationException("no Offline Store engine on the classpath: add the offline-engine module");
        }
        return factories.next().open(options);
    }

    /**
     * The collection with this name. A collection not declared in the options exists once it is
     * first written, with no secondary indexes.
     */
    DocumentCollection collection(String name);

    /** The collection with this name, its documents mapped to and from {@code type} with Jackson. */
    <T> TypedCollection<T> collection(String name, Class<T> type);

    /** The names of the collections declared or holding documents, sorted. */
    Set<String> collectionNames();

    /** The schemas of the collections, declared or implicit, sorted by name. */
    List<CollectionSchema> schemas();

    /**
     * Walks every document and index entry and reports any disagreement: an index entry without
     * its document or with values the document no longer has, a document missing from an index,
     * a record that cannot be read.
     */
    IntegrityReport check();

    /** How much each collection holds. */
    StorageInfo storageInfo();

    /** The options the store was opened with. */
    StoreOptions options();

    /** Closes the store and its backend; further calls fail. A second close does nothing. */
    @Override
    void close();
}
