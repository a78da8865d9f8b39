package io.offlinestore.sync.engine;

import io.offlinestore.Change;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.Mutation;
import java.util.List;

/** A pushed mutation with the local changes it carries (marked synchronized once it is settled). */
record PendingMutation(Mutation mutation, List<Change> changes) {

    DocumentRef ref() {
        return mutation.document();
    }

    /** The changes the pushed state includes. */
    List<Change> covered() {
        long upTo = mutation.key().sequence();
        return changes.stream().filter(c -> c.sequence() <= upTo).toList();
    }
}
