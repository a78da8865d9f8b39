package io.offlinestore.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.ConfigurationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamedProvidersTest {
    record Provider(String name) {
    }

    record OtherProvider(String name) {
    }

    private final NamedProviders<Object> providers = new NamedProviders<>("storage backend",
            List.of(new Provider("mapdb"), new Provider("memory"), new OtherProvider("memory")),
            p -> p instanceof Provider one ? one.name() : ((OtherProvider) p).name());

    @Test
    void findsAProviderByNameAndListsTheNamesSorted() {
        assertEquals(Optional.of(new Provider("mapdb")), providers.find("mapdb"));
        assertEquals(List.of("mapdb", "memory"), providers.names());
        assertEquals(Optional.empty(), providers.find("derby"));
    }

    @Test
    void twoProvidersWithOneNameAreReportedNotPickedBetween() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> providers.find("memory"));
        assertTrue(e.getMessage().contains("several storage backends are named 'memory'"), e.getMessage());
        assertTrue(e.getMessage().contains(OtherProvider.class.getName()), e.getMessage());
    }
}
