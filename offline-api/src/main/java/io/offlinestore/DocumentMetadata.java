package io.offlinestore;

import java.time.Instant;

/**
 * What the store keeps about a document outside its JSON body.
 *
 * @param version   1 when created, incremented by each update
 * @param createdAt when the document was created
 * @param updatedAt when it was last written
 * @param sequence  the commit sequence of its last write
 */
public record DocumentMetadata(long version, Instant createdAt, Instant updatedAt, long sequence) {
}
