package io.offlinestore.sync;

/** The operation is not in a status that allows what was asked (retrying a completed one, say). */
public class OperationStateException extends OperationQueueException {
    private static final long serialVersionUID = 1L;

    public OperationStateException(String message) {
        super(message);
    }
}
