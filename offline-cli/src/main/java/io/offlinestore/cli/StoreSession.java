package io.offlinestore.cli;

import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where commands get their store: the one a caller lends, which is never closed here, or one
 * opened from the resolved options on first use and closed by {@link #close()} when the
 * command ends.
 */
final class StoreSession {
    private final OfflineStore lent;
    private OfflineStore opened;

    private StoreSession(OfflineStore lent) {
        this.lent = lent;
    }

    /** A session that opens the store the options describe. */
    static StoreSession opening() {
        return new StoreSession(null);
    }

    /** A session over a store that stays open and belongs to the caller. */
    static StoreSession lending(OfflineStore store) {
        return new StoreSession(Objects.requireNonNull(store, "store"));
    }

    /** The store: the lent one, or the one opened from {@code options} on the first call. */
    OfflineStore store(Supplier<StoreOptions> options) {
        if (lent != null) {
            return lent;
        }
        if (opened == null) {
            opened = OfflineStore.open(options.get());
        }
        return opened;
    }

    /** Closes the store this session opened, if it opened one. */
    void close() {
        if (opened != null) {
            OfflineStore store = opened;
            opened = null;
            store.close();
        }
    }
}
