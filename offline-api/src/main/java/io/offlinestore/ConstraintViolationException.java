package io.offlinestore;

/**
 * A write would break a relationship rule, e.g. deleting a parent whose relationship is declared
 * {@code restrict} while children still refer to it. Nothing of the write was applied.
 */
public class ConstraintViolationException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    public ConstraintViolationException(String message) {
        super(message);
    }
}
