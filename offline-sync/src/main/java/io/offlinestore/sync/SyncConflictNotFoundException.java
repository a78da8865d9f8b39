package io.offlinestore.sync;

/** {@link SyncEngine#resolveConflict} was given an id that names no stored conflict. */
public class SyncConflictNotFoundException extends SyncException {
    private static final long serialVersionUID = 1L;

    public SyncConflictNotFoundException(String conflictId) {
        super("no sync conflict has id '" + conflictId + "' (it may have been resolved already)");
    }
}
