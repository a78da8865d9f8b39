package io.offlinestore.internal.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;

/**
 * Zero-copy passage between a {@link Document} and its tree, for the engine alone: the engine
 * wraps the trees it decodes without copying them and reads stored documents' trees in place.
 * Not public API; ArchUnit rules keep backends, sync and users' modules of this project off it.
 *
 * <p>{@link Document} installs its side of the passage when its class initialises, as the JDK's
 * shared-secrets pattern does, so the public class needs no method for this.
 */
public final class DocumentTrees {
    /** What {@link Document} offers this class; implemented inside {@link Document} only. */
    public interface Access {
        /** A document over the tree itself. */
        Document adopt(ObjectNode tree);

        /** The document's own tree. */
        ObjectNode tree(Document document);
    }

    private static volatile Access access;

    private DocumentTrees() {
    }

    /**
     * Called once, by {@link Document}'s class initialiser.
     *
     * @throws IllegalStateException on a second call
     */
    public static synchronized void install(Access documentAccess) {
        if (access != null) {
            throw new IllegalStateException("document access is installed once, by Document itself");
        }
        access = documentAccess;
    }

    /**
     * A document over the given tree itself, without copying it: the tree becomes the document's
     * and the caller must not change it afterwards. Only for trees no one else holds (decoded,
     * or built by the caller).
     *
     * @throws io.offlinestore.InvalidDocumentException if the tree is not a JSON object
     */
    public static Document adopt(JsonNode tree) {
        if (!(tree instanceof ObjectNode object)) {
            return Document.of(tree);
        }
        return access().adopt(object);
    }

    /** The document's own tree, shared, not copied: the caller must not change it. */
    public static ObjectNode tree(Document document) {
        return access().tree(document);
    }

    private static Access access() {
        Access installed = access;
        if (installed == null) {
            Document.empty();
            installed = access;
        }
        return installed;
    }
}
