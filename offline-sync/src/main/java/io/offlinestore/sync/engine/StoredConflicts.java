package io.offlinestore.sync.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import io.offlinestore.sync.Conflict;
import io.offlinestore.sync.protocol.DocumentRef;
import java.time.Instant;

/** How a {@link Conflict} is stored in {@code _sync_conflicts}. */
final class StoredConflicts {

    private StoredConflicts() {
    }

    /** A conflict's id: {@code collection/id}, readable on a command line. */
    static String id(DocumentRef ref) {
        return ref.collection() + "/" + ref.javaId();
    }

    static Document write(Conflict conflict) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        DocumentRef ref = DocumentRef.of(conflict.collection(), conflict.documentId());
        tree.put("id", conflict.id());
        tree.put("kind", conflict.kind().name());
        tree.put("collection", ref.collection());
        tree.set("docId", ref.id());
        set(tree, "local", conflict.local());
        set(tree, "remote", conflict.remote());
        set(tree, "base", conflict.base());
        tree.put("remoteVersion", conflict.remoteVersion());
        tree.put("reason", conflict.reason());
        tree.put("detectedAt", conflict.detectedAt().toString());
        return Document.of(tree);
    }

    private static void set(ObjectNode tree, String field, Document document) {
        if (document != null) {
            tree.set(field, document.toJsonNode());
        }
    }

    static Conflict read(Document stored) {
        ObjectNode tree = stored.toJsonNode();
        DocumentRef ref = ref(stored);
        JsonNode reason = tree.get("reason");
        return new Conflict(tree.get("id").textValue(), Conflict.Kind.valueOf(tree.get("kind").textValue()),
                ref.collection(), ref.javaId(), document(tree, "local"), document(tree, "remote"),
                document(tree, "base"), tree.get("remoteVersion").longValue(),
                reason == null || reason.isNull() ? null : reason.textValue(),
                Instant.parse(tree.get("detectedAt").textValue()));
    }

    static DocumentRef ref(Document stored) {
        return new DocumentRef(stored.getString("collection"), stored.toJsonNode().get("docId"));
    }

    private static Document document(ObjectNode tree, String field) {
        JsonNode node = tree.get(field);
        return node instanceof ObjectNode object ? Document.of(object) : null;
    }
}
