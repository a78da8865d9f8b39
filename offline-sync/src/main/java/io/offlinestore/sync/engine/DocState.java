package io.offlinestore.sync.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.sync.protocol.DocumentRef;

/**
 * What the client last knew the server to hold for a document: the server version and the body
 * at that version (the base of a three-way merge), or that it was deleted.
 */
record DocState(DocumentRef ref, long version, ObjectNode base) {

    boolean deleted() {
        return base == null;
    }

    Document toDocument() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("id", ref.toString());
        tree.put("collection", ref.collection());
        tree.set("docId", ref.id());
        tree.put("version", version);
        if (base != null) {
            tree.set("base", base);
        }
        return Document.of(tree);
    }

    static DocState of(Document stored) {
        ObjectNode tree = stored.toJsonNode();
        JsonNode base = tree.get("base");
        return new DocState(new DocumentRef(tree.get("collection").textValue(), tree.get("docId")),
                tree.get("version").longValue(), base instanceof ObjectNode object ? object : null);
    }
}
