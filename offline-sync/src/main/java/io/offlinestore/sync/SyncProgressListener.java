package io.offlinestore.sync;

/** Told after each pulled page is committed; runs on the sync thread, so keep it quick. */
@FunctionalInterface
public interface SyncProgressListener {

    /** A page was committed. */
    void onProgress(SyncProgress progress);
}
