package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.DocumentLimits;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.engine.id.DocumentIds;
import java.util.Optional;

/**
 * The check every document body passes before it is sealed and buffered for a commit: within
 * {@link DocumentLimits}, so that it is stored exactly and can always be read back. A body
 * beyond them is refused with the collection, the id and the field named, and nothing is
 * written.
 */
final class StorableBody {
    private StorableBody() {
    }

    static void require(String collection, JsonNode id, JsonNode body) {
        Optional<String> violation = DocumentLimits.violation(body);
        if (violation.isPresent()) {
            throw new InvalidDocumentException("collection '" + collection + "': document " + DocumentIds.describe(id)
                    + " cannot be stored: " + violation.get() + " (see DocumentLimits)");
        }
    }
}
