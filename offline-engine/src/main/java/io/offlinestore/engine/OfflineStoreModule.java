package io.offlinestore.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.engine.cache.CaffeineDocumentCache;
import io.offlinestore.engine.cache.DocumentCache;
import io.offlinestore.engine.codec.DocumentCodec;
import io.offlinestore.engine.codec.SmileDocumentCodec;
import io.offlinestore.engine.id.IdGenerator;
import io.offlinestore.engine.id.TimeOrderedIdGenerator;
import io.offlinestore.engine.store.EngineOfflineStore;
import io.offlinestore.engine.store.TypedMapper;
import io.offlinestore.spi.StorageBackend;
import java.time.Clock;

/**
 * The engine's Guice bindings for one store. {@link OfflineStore#open} uses it behind the
 * scenes; applications that use Guice install it, or override single bindings with
 * {@code Modules.override(new OfflineStoreModule(options)).with(myModule)}:
 * <ul>
 *   <li>{@link Clock}: the time stamped on documents (system UTC clock);</li>
 *   <li>{@link DocumentCodec}: the stored form of document bodies (Smile);</li>
 *   <li>{@link IdGenerator}: ids for documents created without one (UUID v7);</li>
 *   <li>{@code @TypedMapper ObjectMapper}: maps typed collections' objects;</li>
 *   <li>{@link BackendRegistry}: where backends are found (ServiceLoader);</li>
 *   <li>{@link DocumentCache}: the read cache of stored documents (Caffeine).</li>
 * </ul>
 */
public class OfflineStoreModule extends AbstractModule {
    private final StoreOptions options;

    public OfflineStoreModule(StoreOptions options) {
        this.options = options;
    }

    @Override
    protected void configure() {
        bind(StoreOptions.class).toInstance(options);
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(DocumentCodec.class).to(SmileDocumentCodec.class).in(Singleton.class);
        bind(IdGenerator.class).to(TimeOrderedIdGenerator.class).in(Singleton.class);
        bind(BackendRegistry.class).in(Singleton.class);
        bind(DocumentCache.class).to(CaffeineDocumentCache.class).in(Singleton.class);
        bind(OfflineStore.class).to(EngineOfflineStore.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    StorageBackend backend(StoreOptions storeOptions, BackendRegistry registry) {
        return registry.open(storeOptions);
    }

    @Provides
    @Singleton
    @TypedMapper
    ObjectMapper mapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .findAndAddModules()
                .build();
    }
}
