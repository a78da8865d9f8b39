package io.offlinestore.cli;

import io.offlinestore.ConfigurationException;
import io.offlinestore.DocumentNotFoundException;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.OfflineStoreException;
import io.offlinestore.QueryException;
import io.offlinestore.sync.InvalidOperationException;
import io.offlinestore.sync.OperationStateException;
import io.offlinestore.sync.UnknownOperationException;

/**
 * The exit codes of the {@code offline} command and the one place that decides which failure
 * ends with which code.
 */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The document (or other thing) asked for does not exist. */
    public static final int NOT_FOUND = 1;
    /** The arguments, a document or a query were wrong; nothing was changed by the failing step. */
    public static final int BAD_INPUT = 2;
    /** The store could not be opened or used: storage failure, lock held elsewhere, bad configuration. */
    public static final int STORAGE = 3;
    /** A failure the CLI did not expect: a bug, reported with its stack trace. */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }

    /** The exit code for a failure a command threw. */
    static int of(Throwable failure) {
        if (failure instanceof DocumentNotFoundException || failure instanceof UnknownOperationException) {
            return NOT_FOUND;
        }
        if (failure instanceof QueryException || failure instanceof InvalidDocumentException
                || failure instanceof DuplicateKeyException || failure instanceof InvalidOperationException
                || failure instanceof OperationStateException) {
            return BAD_INPUT;
        }
        if (failure instanceof ConfigurationException || failure instanceof OfflineStoreException) {
            return STORAGE;
        }
        return INTERNAL;
    }
}
