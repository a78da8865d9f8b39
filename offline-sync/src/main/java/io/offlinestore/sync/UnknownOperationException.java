package io.offlinestore.sync;

/** No queued operation has the given id. */
public class UnknownOperationException extends OperationQueueException {
    private static final long serialVersionUID = 1L;

    private final String operationId;

    public UnknownOperationException(String operationId) {
        super("no queued operation has id '" + operationId + "'");
        this.operationId = operationId;
    }

    /** The id that was not found. */
    public String operationId() {
        return operationId;
    }
}
