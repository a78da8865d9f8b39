package io.offlinestore.testkit.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ConfigurationException;
import io.offlinestore.Durability;
import io.offlinestore.spi.BackendConfig;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.StorageBackendProvider;
import io.offlinestore.spi.WriteBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link StorageBackendProvider} does: {@link ServiceLoader} finds it under its name,
 * it refuses bad configuration with a {@link ConfigurationException} naming what was wrong, it
 * ignores the settings of other backends, and a backend that stores files keeps exactly the files
 * it says in its directory. A backend's provider test extends this once:
 *
 * <pre>{@code
 * class MyBackendProviderTest extends BackendProviderContract {
 *     protected StorageBackendProvider provider() { return new MyBackendProvider(); }
 *     protected List<String> storeFiles(String databaseName) { return List.of(".lock", databaseName + ".my"); }
 *     protected List<Map<String, String>> badSettings() { return List.of(Map.of("my.cacheSize", "lots")); }
 * }
 * }</pre>
 *
 * <p>The path checks are skipped for a backend that stores no files ({@link #storesFiles()}).
 */
public abstract class BackendProviderContract {
    /** The directory the backend under test stores in. */
    @TempDir
    protected Path directory;

    /** A new instance of the provider under test. */
    protected abstract StorageBackendProvider provider();

    /**
     * The names of the files and directories the backend leaves in its directory after a clean
     * close for the given database name, the lock file included; empty for one that stores none.
     */
    protected abstract List<String> storeFiles(String databaseName);

    /** Settings of this backend that are refused (an unknown key of its prefix, a bad value), one key each. */
    protected abstract List<Map<String, String>> badSettings();

    /** Whether the backend stores files in {@link BackendConfig#path()} (and so needs one). */
    protected boolean storesFiles() {
        return !storeFiles("test").isEmpty();
    }

    /** The config the tests open with: {@link #directory}, database {@code test}, durable. */
    protected BackendConfig config(Map<String, String> settings) {
        return new BackendConfig(directory, "test", Durability.SYNC, settings);
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        String name = provider().name();
        List<StorageBackendProvider> found = ServiceLoader.load(StorageBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.name().equals(name))
                .toList();
        assertEquals(1, found.size(), "providers named '" + name + "' on the class path");
        assertSame(provider().getClass(), found.get(0).getClass());
    }

    @Test
    void badSettingsAreConfigurationErrorsNamingTheSetting() {
        for (Map<String, String> bad : badSettings()) {
            String key = bad.keySet().iterator().next();
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> provider().open(config(bad)), key);
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
    }

    @Test
    void settingsOfOtherBackendsAreIgnored() {
        provider().open(config(Map.of("some-other-backend.cacheSize", "lots"))).close();
    }

    @Test
    void aMissingPathIsAConfigurationErrorNamingThePathOption() {
        Assumptions.assumeTrue(storesFiles(), "the backend stores no files");
        StorageBackendProvider provider = provider();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> provider.open(new BackendConfig(null, "test", Durability.SYNC, Map.of())));
        assertTrue(e.getMessage().contains("offline.path") && e.getMessage().contains(provider.name()), e.getMessage());
    }

    @Test
    void aDatabaseNameThatLeavesTheDirectoryIsRefused() {
        Assumptions.assumeTrue(storesFiles(), "the backend stores no files");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> provider().open(new BackendConfig(directory, "../escape", Durability.SYNC, Map.of())));
        assertTrue(e.getMessage().contains("../escape"), e.getMessage());
        assertTrue(Files.notExists(directory.resolveSibling("escape")), "nothing is created outside the directory");
    }

    @Test
    void theDirectoryHoldsTheStoreFilesAndWhatWasWrittenReadsBack() throws IOException {
        Assumptions.assumeTrue(storesFiles(), "the backend stores no files");
        try (StorageBackend backend = provider().open(config(Map.of()))) {
            backend.createKeyspace("ks");
            backend.apply(new WriteBatch().put("ks", new byte[] {1}, new byte[] {2}));
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(storeFiles("test").stream().sorted().toList(),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
        try (StorageBackend backend = provider().open(config(Map.of()))) {
            assertArrayEquals(new byte[] {2}, backend.get("ks", new byte[] {1}));
        }
    }
}
