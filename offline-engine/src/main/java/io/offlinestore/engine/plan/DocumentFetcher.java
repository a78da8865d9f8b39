package io.offlinestore.engine.plan;

import io.offlinestore.spi.StorageBackend;
import java.util.List;

/**
 * Reads the stored records a page of index entries points to, with one multi-get
 * ({@link StorageBackend#getAll}) per page: the one place an index scan reads documents by id.
 */
public final class DocumentFetcher {
    private final StorageBackend backend;

    public DocumentFetcher(StorageBackend backend) {
        this.backend = backend;
    }

    /** The stored bytes of each id's document, in the order of the ids, {@code null} for one that is gone. */
    public List<byte[]> fetch(String documentsKeyspace, List<byte[]> ids) {
        return backend.getAll(documentsKeyspace, ids);
    }
}
