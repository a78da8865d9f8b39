package io.offlinestore.sync;

import io.offlinestore.Document;
import java.util.Objects;

/** How a conflict is settled. */
public final class Resolution {

    /** The kinds of resolution. */
    public enum Kind {
        /** Push the local document over the server's. */
        KEEP_LOCAL,
        /** Take the server's document locally. */
        KEEP_REMOTE,
        /** Store a new document locally and push it. */
        MERGED,
        /** Leave the conflict stored for later. */
        MANUAL
    }

    private static final Resolution LOCAL = new Resolution(Kind.KEEP_LOCAL, null);
    private static final Resolution REMOTE = new Resolution(Kind.KEEP_REMOTE, null);
    private static final Resolution LATER = new Resolution(Kind.MANUAL, null);

    private final Kind kind;
    private final Document document;

    private Resolution(Kind kind, Document document) {
        this.kind = kind;
        this.document = document;
    }

    /** Keep the local document (or local deletion) and push it over the server's. */
    public static Resolution keepLocal() {
        return LOCAL;
    }

    /** Take the server's document (or deletion) and drop the local change. */
    public static Resolution keepRemote() {
        return REMOTE;
    }

    /** Store this document locally and push it (it must keep the document's id). */
    public static Resolution merged(Document document) {
        return new Resolution(Kind.MERGED, Objects.requireNonNull(document, "document"));
    }

    /** Store the conflict for {@link SyncEngine#resolveConflict}; the document waits. */
    public static Resolution manual() {
        return LATER;
    }

    /** Which resolution this is. */
    public Kind kind() {
        return kind;
    }

    /** The merged document ({@link Kind#MERGED} only), else null. */
    public Document document() {
        return document;
    }

    @Override
    public String toString() {
        return kind == Kind.MERGED ? "merged(" + document + ")" : kind.name();
    }
}
