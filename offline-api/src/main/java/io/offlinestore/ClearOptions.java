package io.offlinestore;

/**
 * How {@link OfflineStore#clear(ClearOptions, String...)} treats collections with
 * unsynchronized changes: refuse them ({@link #keepPending()}, the default) or clear them and
 * drop those changes from the change log, so they are never synchronized
 * ({@link #discardPending()}).
 */
public final class ClearOptions {
    private static final ClearOptions KEEP = new ClearOptions(false);
    private static final ClearOptions DISCARD = new ClearOptions(true);

    private final boolean discardPending;

    private ClearOptions(boolean discardPending) {
        this.discardPending = discardPending;
    }

    /** Refuse to clear a collection that has unsynchronized changes. */
    public static ClearOptions keepPending() {
        return KEEP;
    }

    /** Clear even collections with unsynchronized changes, discarding those changes. */
    public static ClearOptions discardPending() {
        return DISCARD;
    }

    /** Whether unsynchronized changes are discarded. */
    public boolean discardsPending() {
        return discardPending;
    }

    @Override
    public String toString() {
        return discardPending ? "discardPending" : "keepPending";
    }
}
