package io.offlinestore.sync;

import io.offlinestore.Document;
import java.time.Instant;
import java.util.Objects;

/**
 * A document whose local change the server did not take: changed on both sides, or refused.
 *
 * @param id            the conflict's id, for {@link SyncEngine#resolveConflict}
 * @param kind          why
 * @param collection    the document's collection
 * @param documentId    its id (a {@code String} or a {@code Long})
 * @param local         the local document, null if deleted locally
 * @param remote        the server's document, null if deleted (or never created) there
 * @param base          the last version both sides agreed on, null if unknown
 * @param remoteVersion the server's version of the document
 * @param reason        the server's reason for a {@link Kind#REJECTED} change, else null
 * @param detectedAt    when the client found it (client clock, for people only)
 */
public record Conflict(String id, Kind kind, String collection, Object documentId, Document local, Document remote,
                       Document base, long remoteVersion, String reason, Instant detectedAt) {

    /** Why a document is in conflict. */
    public enum Kind {
        /** Changed locally and on the server since the last sync. */
        CONCURRENT_CHANGE,
        /** The server refused the local change for good. */
        REJECTED
    }

    public Conflict {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }
}
