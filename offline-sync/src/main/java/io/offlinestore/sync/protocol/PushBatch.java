package io.offlinestore.sync.protocol;

import java.util.List;

/**
 * Mutations the server applies all or nothing: one or more whole local transactions, each
 * document at most once.
 */
public record PushBatch(List<Mutation> mutations) {

    public PushBatch {
        mutations = List.copyOf(mutations);
    }
}
