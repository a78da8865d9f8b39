package io.offlinestore.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.engine.OfflineStoreModule;
import io.offlinestore.engine.id.IdGenerator;
import io.offlinestore.schema.CollectionSchema;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Guice guide's code: replacing one binding of the engine. */
class GuiceExample {

    // region generator
    /** Ids like "note-1", "note-2", ... instead of UUIDs. */
    static final class SequentialIds implements IdGenerator {
        private final AtomicLong next = new AtomicLong();

        @Override
        public String next() {
            return "note-" + next.incrementAndGet();
        }
    }
    // endregion generator

    @Test
    void overrideTheIdGenerator() {
        StoreOptions options = StoreOptions.builder().backend("memory")
                .collection(CollectionSchema.builder("notes").generateIds(true).build())
                .build();
        // region override
        Injector injector = Guice.createInjector(Modules.override(new OfflineStoreModule(options))
                .with(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(IdGenerator.class).to(SequentialIds.class);
                    }
                }));
        try (OfflineStore store = injector.getInstance(OfflineStore.class)) {
            Document note = store.collection("notes").create(Document.parse("{\"text\": \"hello\"}"));
            // note.id() is "note-1"
            // endregion override
            assertEquals("note-1", note.id());
            assertEquals("note-2", store.collection("notes").create(Document.parse("{\"text\": \"again\"}")).id());
        }
    }
}
