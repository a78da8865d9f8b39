package io.offlinestore.engine.plan;

import io.offlinestore.engine.codec.StoredRecord;
import java.util.Iterator;

/** Stored records produced lazily by a plan; closing releases the backend cursors. */
public interface RecordCursor extends Iterator<StoredRecord>, AutoCloseable {
    @Override
    void close();
}
