package io.offlinestore.engine;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import io.offlinestore.OfflineStore;
import io.offlinestore.OfflineStoreException;
import io.offlinestore.StoreOptions;
import io.offlinestore.spi.OfflineStoreFactory;

/**
 * The engine's {@link OfflineStoreFactory}, found by {@link OfflineStore#open}: builds the
 * store with {@link OfflineStoreModule}, runs its pending migrations, and unwraps Guice's errors so callers see the store's
 * own exceptions.
 */
public final class EngineStoreFactory implements OfflineStoreFactory {

    @Override
    public OfflineStore open(StoreOptions options) {
        try {
            return MigrationAtOpen.migrate(
                    Guice.createInjector(new OfflineStoreModule(options)).getInstance(OfflineStore.class));
        } catch (ProvisionException e) {
            throw unwrap(e, e.getErrorMessages());
        } catch (CreationException e) {
            throw unwrap(e, e.getErrorMessages());
        }
    }

    private static RuntimeException unwrap(RuntimeException e, Iterable<Message> messages) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof OfflineStoreException store) {
                return store;
            }
        }
        for (Message message : messages) {
            if (message.getCause() instanceof OfflineStoreException store) {
                return store;
            }
        }
        return e;
    }
}
