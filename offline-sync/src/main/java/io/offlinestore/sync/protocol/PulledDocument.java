package io.offlinestore.sync.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The latest server state of a document that changed after the checkpoint.
 *
 * @param document the document
 * @param version  its server version
 * @param deleted  whether it is a tombstone
 * @param inScope  false when the document no longer matches the pull's scope (the client drops its copy)
 * @param body     the document, null for a tombstone or a document out of scope
 */
public record PulledDocument(DocumentRef document, long version, boolean deleted, boolean inScope, ObjectNode body) {

    public PulledDocument {
        Objects.requireNonNull(document, "document");
    }
}
