package io.offlinestore.backend.derby;

import io.offlinestore.StorageException;
import java.sql.SQLException;

/** Turns Derby's {@link SQLException}s into {@link StorageException}s that name what failed. */
final class DerbyErrors {
    private static final String DUPLICATE_KEY = "23505";

    private DerbyErrors() {
    }

    /** A storage exception saying what failed, with Derby's SQL state and message. */
    static StorageException storage(String what, SQLException e) {
        return new StorageException(what + ": " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
    }

    /** Whether the failure is, or was caused by, a row that would duplicate a primary key (SQL state 23505). */
    static boolean isDuplicateKey(StorageException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            for (SQLException sql = cause instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (DUPLICATE_KEY.equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
