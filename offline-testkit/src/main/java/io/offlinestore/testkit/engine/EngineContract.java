package io.offlinestore.testkit.engine;

import io.offlinestore.StoreOptions;
import io.offlinestore.engine.BackendRegistry;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.StorageBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/**
 * Every engine contract, run over one backend: a backend's test class extends this once and
 * says how to select the backend; each contract runs as one of its nested groups. As Xodus and
 * Caffeine run one suite over each configuration, a backend with several configurations (say
 * sync and relaxed durability) extends it once per configuration.
 *
 * <pre>{@code
 * class MyBackendEngineTest extends EngineContract {
 *     @Override
 *     protected StoreOptions.Builder configure(Path directory) {
 *         return StoreOptions.builder().backend("mine").path(directory);
 *     }
 * }
 * }</pre>
 *
 * Reports name each group after the subclass ({@code MyBackendEngineTest Crud}) when Surefire
 * is set to use display names (see the kit README).
 */
@SuppressWarnings("deprecation") // the nested groups extend the contracts users subclassed before this suite
public abstract class EngineContract {
    private Boolean persistent;

    /**
     * Options selecting the backend under test, storing under {@code directory} where the
     * backend keeps files: e.g. {@code StoreOptions.builder().backend("memory")}.
     */
    protected abstract StoreOptions.Builder configure(Path directory);

    /**
     * Whether the backend keeps data across close and reopen (enabling the reopen checks):
     * whether it declares {@link Capability#PERSISTENT}, found by opening it once.
     */
    protected boolean persistent() {
        if (persistent == null) {
            Path probe = null;
            try {
                probe = Files.createTempDirectory("offline-testkit-probe");
                try (StorageBackend backend = new BackendRegistry().open(configure(probe).build())) {
                    persistent = backend.capabilities().contains(Capability.PERSISTENT);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                Directories.deleteTree(probe);
            }
        }
        return persistent;
    }

    @Nested
    class Crud extends CrudContract {
    }

    @Nested
    class Batch extends BatchContract {
    }

    @Nested
    class Query extends QueryContract {
    }

    @Nested
    class Index extends IndexContract {
    }

    @Nested
    class QueryEquivalence extends QueryEquivalenceContract {
    }

    @Nested
    class BadInput extends BadInputContract {
    }

    @Nested
    class StoreManagement extends StoreManagementContract {
    }

    @Nested
    class Transaction extends TransactionContract {
    }

    @Nested
    class ChangeTracking extends ChangeTrackingContract {
    }

    @Nested
    class Relationship extends RelationshipContract {
    }

    @Nested
    class Encryption extends EncryptionContract {
    }

    @Nested
    class ConcurrentWriters extends ConcurrentWritersContract {
    }

    @Nested
    class Eviction extends EvictionContract {
    }

    @Nested
    class Cache extends CacheContract {
    }
}
