package io.offlinestore.sync.server;

import io.offlinestore.sync.protocol.Mutation;
import java.util.Optional;

/**
 * Decides whether the server accepts a mutation at all (schema, permissions, business rules). A
 * refusal is permanent: the mutation is answered REJECTED and its batch is not applied.
 */
@FunctionalInterface
public interface MutationValidator {

    /** Accepts everything. */
    MutationValidator ACCEPT_ALL = mutation -> Optional.empty();

    /** Why the mutation is refused, or empty to accept it. */
    Optional<String> rejection(Mutation mutation);
}
