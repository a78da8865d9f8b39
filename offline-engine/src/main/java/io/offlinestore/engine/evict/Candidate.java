package io.offlinestore.engine.evict;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stored document as an eviction pass weighs it.
 *
 * @param collection the collection's name
 * @param id         the document id
 * @param sequence   the commit sequence it was read at: a document written since is left alone
 * @param bytes      its encoded key plus stored record
 * @param updatedAt  when it was last written, epoch milliseconds
 * @param recency    when it was last read or written, as far as is known
 * @param pending    whether it has unsynchronized changes
 */
record Candidate(String collection, JsonNode id, long sequence, long bytes, long updatedAt, long recency,
                 boolean pending) {
}
