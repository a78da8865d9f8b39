package io.offlinestore.testkit.engine;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.query.Query;
import io.offlinestore.engine.BackendRegistry;
import io.offlinestore.engine.OfflineStoreModule;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every engine contract shares: the backend hook, a fresh directory per test, and stores
 * opened on it that are closed after the test. Run as a nested group of an
 * {@link EngineContract}, a contract takes the hook from the suite.
 */
@ExtendWith(SuiteBinding.class)
public abstract class EngineContractSupport {
    @TempDir
    protected Path directory;

    private final List<OfflineStore> opened = new ArrayList<>();

    /** The backend under the store last opened with {@link #openExposingBackend}. */
    protected StorageBackend backend;

    /** The suite this contract runs in as a nested group, if it does. */
    private EngineContract suite;

    void bind(EngineContract enclosing) {
        this.suite = enclosing;
    }

    /**
     * Options selecting the backend under test, storing under {@code directory} where the
     * backend keeps files: e.g. {@code StoreOptions.builder().backend("memory")}. Taken from the
     * enclosing {@link EngineContract}; a contract subclassed on its own overrides it.
     */
    protected StoreOptions.Builder configure(Path directory) {
        return requireSuite().configure(directory);
    }

    /**
     * Whether the backend keeps data across close and reopen; contracts then also check that
     * what they wrote survives a reopen. Taken from the enclosing {@link EngineContract}; false
     * for a contract subclassed on its own unless it overrides this.
     */
    protected boolean persistent() {
        return suite != null && suite.persistent();
    }

    private EngineContract requireSuite() {
        if (suite == null) {
            throw new IllegalStateException(getClass().getName() + " runs outside an EngineContract: extend "
                    + "EngineContract, or override configure(Path)");
        }
        return suite;
    }

    /** Closes the store and opens it again with the same extra options. */
    protected OfflineStore reopen(OfflineStore store, UnaryOperator<StoreOptions.Builder> customize) {
        store.close();
        opened.remove(store);
        return open(customize);
    }

    /** Opens a store on the backend under test. */
    protected OfflineStore open() {
        return open(b -> b);
    }

    /** Opens a second store, in a directory of its own, beside the one a test already has open. */
    protected OfflineStore open(UnaryOperator<StoreOptions.Builder> customize, String subdirectory) {
        OfflineStore store = OfflineStore.open(customize.apply(configure(directory.resolve(subdirectory))).build());
        opened.add(store);
        return store;
    }

    /** Opens a store on the backend under test with extra options (collections, ...). */
    protected OfflineStore open(UnaryOperator<StoreOptions.Builder> customize) {
        OfflineStore store = OfflineStore.open(customize.apply(configure(directory)).build());
        opened.add(store);
        return store;
    }

    /**
     * Opens a store on the backend under test whose engine reads time from {@code clock} (the
     * Guice-bound clock), so a test can move time.
     */
    protected OfflineStore open(UnaryOperator<StoreOptions.Builder> customize, Clock clock) {
        StoreOptions options = customize.apply(configure(directory)).build();
        Module withClock = Modules.override(new OfflineStoreModule(options))
                .with(binder -> binder.bind(Clock.class).toInstance(clock));
        OfflineStore store = Guice.createInjector(withClock).getInstance(OfflineStore.class);
        opened.add(store);
        return store;
    }

    /**
     * Opens a store whose backend the test can reach through {@link #backend} (to damage data,
     * count reads, inspect keyspaces), wrapped by {@code wrap}.
     */
    protected OfflineStore openExposingBackend(UnaryOperator<StoreOptions.Builder> customize,
                                               UnaryOperator<StorageBackend> wrap) {
        StorageBackendProvider provider = new BackendRegistry().provider(configure(directory).build());
        StorageBackendProvider exposing = new StorageBackendProvider() {
            @Override
            public String name() {
                return provider.name();
            }

            @Override
            public StorageBackend open(BackendConfig config) {
                backend = provider.open(config);
                return wrap.apply(backend);
            }
        };
        return open(b -> customize.apply(b.backend(exposing)));
    }

    @AfterEach
    void closeStores() {
        opened.forEach(OfflineStore::close);
    }

    /** Parses JSON written with single quotes, for readable test data. */
    protected static Document doc(String singleQuotedJson) {
        return Document.parse(singleQuotedJson.replace('\'', '"'));
    }

    /** The ids of documents, in order. */
    protected static List<Object> ids(List<Document> documents) {
        return documents.stream().map(Document::id).toList();
    }

    /** Every document of a collection, in id order. */
    protected static List<Document> all(DocumentCollection collection) {
        return collection.query(Query.all());
    }
}
