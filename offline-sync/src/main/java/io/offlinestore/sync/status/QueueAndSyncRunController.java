package io.offlinestore.sync.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * Drives an operation queue and document sync together, for a {@link io.offlinestore.sync.StatusServer}
 * over both: a run, automatic runs and the conflict strategy apply to both, the queue first (its
 * operations may be what the server expects before the documents). Bodies keep the queue's fields
 * at the top level, so clients of the queue-only API keep working, and add the document sync's
 * under {@code "documents"}; the status's {@code pending} counts both, and its
 * {@code pending_operations} ends with a line for the document changes waiting to be pushed.
 */
public final class QueueAndSyncRunController implements RunController {
    private final QueueRunController queue;
    private final SyncRunController documents;

    /** A controller of both. */
    public QueueAndSyncRunController(QueueRunController queue, SyncRunController documents) {
        this.queue = queue;
        this.documents = documents;
    }

    @Override
    public ObjectNode runNow() {
        ObjectNode json = queue.runNow();
        json.set("documents", documents.runNow());
        return json;
    }

    @Override
    public ObjectNode status() {
        ObjectNode json = queue.status();
        ObjectNode sync = documents.status();
        int pendingDocuments = sync.get("pending").intValue();
        json.put("pending", json.get("pending").intValue() + pendingDocuments);
        if (pendingDocuments > 0) {
            ((ArrayNode) json.get("pending_operations")).add("documents: " + pendingDocuments
                    + (pendingDocuments == 1 ? " change" : " changes") + " to push");
        }
        json.set("documents", sync);
        return json;
    }

    @Override
    public void startAuto(Duration interval) {
        queue.startAuto(interval);
        documents.startAuto(interval);
    }

    @Override
    public void stopAuto() {
        queue.stopAuto();
        documents.stopAuto();
    }

    @Override
    public void conflictStrategy(String strategy) {
        documents.conflictStrategy(strategy);
        queue.conflictStrategy(strategy);
    }
}
