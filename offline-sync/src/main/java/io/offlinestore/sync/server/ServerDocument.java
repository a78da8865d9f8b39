package io.offlinestore.sync.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.MutationKey;
import java.time.Instant;
import java.util.Objects;

/**
 * The server's state of one document.
 *
 * @param document  which document
 * @param version   its version: the server commit sequence of the mutation that produced it, so
 *                  versions only grow and never repeat, even after a tombstone is purged
 * @param sequence  the server commit sequence of its last write (monotone across the server;
 *                  equal to the version for states the server writes)
 * @param deleted   whether it is a tombstone
 * @param body      the document, null for a tombstone
 * @param writtenBy the key of the mutation that produced this version
 * @param updatedAt when the server applied it (server clock; used for retention only)
 */
public record ServerDocument(DocumentRef document, long version, long sequence, boolean deleted, ObjectNode body,
                             MutationKey writtenBy, Instant updatedAt) {

    public ServerDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(writtenBy, "writtenBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
