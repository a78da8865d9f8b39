package io.offlinestore.sync;

/**
 * The queue is at its configured size limit ({@link QueueOptions.Builder#maxOperations} or
 * {@link QueueOptions.Builder#maxPayloadBytes}) and its overflow policy could not make room; the
 * new operation was not stored.
 */
public class QueueFullException extends OperationQueueException {
    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }
}
