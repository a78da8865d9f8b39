package io.offlinestore.backend.derby;

import io.offlinestore.StorageException;
import java.sql.SQLException;

/** Turns Derby's {@link SQLException}s into {@link StorageException}s that name what failed. */
final class DerbyErrors {
    private DerbyErrors() {
    }

    /** A storage exception saying what failed, with Derby's SQL state and message. */
    static StorageException storage(String what, SQLException e) {
        return new StorageException(what + ": " + e.getMessage() + " (SQL state " + e.getSQLState() + ")", e);
    }
}
