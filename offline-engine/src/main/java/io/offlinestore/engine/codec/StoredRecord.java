package io.offlinestore.engine.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A document as the engine stores it: the body plus metadata kept outside the JSON (a version
 * that grows by one with each write, the commit sequence of its last write, and creation and
 * update times in epoch milliseconds).
 *
 * @param version   1 for a new document, then incremented by each update
 * @param sequence  the commit sequence of the last write; transactions compare it to detect conflicts
 * @param createdAt when the document was first created
 * @param updatedAt when the document was last written
 * @param body      the JSON body
 */
public record StoredRecord(long version, long sequence, long createdAt, long updatedAt, ObjectNode body) {
    public StoredRecord {
        Objects.requireNonNull(body, "body");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive, got " + version);
        }
    }
}
