package io.offlinestore.sync;

/** An operation, or an argument given to the queue, is not acceptable; nothing was stored. */
public class InvalidOperationException extends OperationQueueException {
    private static final long serialVersionUID = 1L;

    public InvalidOperationException(String message) {
        super(message);
    }

    public InvalidOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
