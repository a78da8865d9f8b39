package io.offlinestore.sync;

import java.util.List;

/**
 * What one run of the queue did.
 *
 * @param succeeded operations that completed
 * @param retried operations whose attempt failed and that will be retried
 * @param failed operations that failed for good (permanent error or attempts exhausted)
 * @param expired operations that expired before they could run
 * @param errors every attempt that did not succeed, with its operation id and message
 */
public record RunResult(int succeeded, int retried, int failed, int expired, List<Error> errors) {

    public RunResult {
        errors = List.copyOf(errors);
    }

    /** A run that did nothing (the queue was offline, or nothing was due). */
    public static RunResult empty() {
        return new RunResult(0, 0, 0, 0, List.of());
    }

    /** How many attempts were made. */
    public int attempted() {
        return succeeded + retried + failed;
    }

    /**
     * One unsuccessful attempt.
     *
     * @param operationId the operation's id
     * @param message why it did not succeed
     * @param willRetry whether the operation will be attempted again
     */
    public record Error(String operationId, String message, boolean willRetry) {
    }
}
