package io.offlinestore.sync.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What the server did with one mutation.
 *
 * @param key            the mutation's key
 * @param outcome        the outcome
 * @param version        APPLIED and DUPLICATE: the version the mutation produced; CONFLICT and
 *                       REJECTED: the server's current version ({@code 0} if it never had the document)
 * @param serverDocument CONFLICT and REJECTED: the server's current document, null if absent or deleted
 * @param writtenBy      CONFLICT: the client whose mutation produced the server's current version
 * @param reason         REJECTED and RETRY: why, for people
 */
public record MutationResult(MutationKey key, Outcome outcome, long version, ObjectNode serverDocument,
                             String writtenBy, String reason) {

    /** The possible outcomes. */
    public enum Outcome {
        /** Applied now, producing {@code version}. */
        APPLIED,
        /** Applied before (a replay of the same key): the stored outcome is returned again. */
        DUPLICATE,
        /** Made on a base version that is no longer the server's: resolve and push again. */
        CONFLICT,
        /** Refused for good: pushing the same content again will not help. */
        REJECTED,
        /** Not applied this time (its batch failed or the server is busy): push again unchanged. */
        RETRY
    }

    public MutationResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static MutationResult applied(MutationKey key, long version) {
        return new MutationResult(key, Outcome.APPLIED, version, null, null, null);
    }

    public static MutationResult duplicate(MutationKey key, long version) {
        return new MutationResult(key, Outcome.DUPLICATE, version, null, null, null);
    }

    public static MutationResult conflict(MutationKey key, long version, ObjectNode serverDocument, String writtenBy) {
        return new MutationResult(key, Outcome.CONFLICT, version, serverDocument, writtenBy, null);
    }

    public static MutationResult rejected(MutationKey key, long version, ObjectNode serverDocument, String reason) {
        return new MutationResult(key, Outcome.REJECTED, version, serverDocument, null, reason);
    }

    public static MutationResult retry(MutationKey key, String reason) {
        return new MutationResult(key, Outcome.RETRY, 0, null, null, reason);
    }
}
