package io.offlinestore.engine.registry;

import io.offlinestore.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The providers of one kind (storage backends, cipher modules) known by name: given explicitly,
 * or discovered with {@link ServiceLoader}. Two providers with one name are reported, never
 * silently picked between; a lookup that finds nothing can say which names there are.
 *
 * @param <P> the provider type
 */
public final class NamedProviders<P> {
    private final String kind;
    private final Map<String, List<P>> byName = new TreeMap<>();

    /**
     * @param kind  what the providers are, for messages ("storage backend")
     * @param found the providers
     * @param name  a provider's name
     */
    public NamedProviders(String kind, Iterable<? extends P> found, Function<? super P, String> name) {
        this.kind = kind;
        for (P provider : found) {
            byName.computeIfAbsent(name.apply(provider), n -> new ArrayList<>()).add(provider);
        }
    }

    /** The providers of {@code type} visible to the class loader of {@code type}. */
    public static <P> NamedProviders<P> discover(String kind, Class<P> type, Function<? super P, String> name) {
        return new NamedProviders<>(kind, ServiceLoader.load(type, type.getClassLoader()), name);
    }

    /** The names of the providers, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The provider with that name, or empty if there is none.
     *
     * @throws ConfigurationException naming their classes if several providers share the name
     */
    public Optional<P> find(String name) {
        List<P> named = byName.get(name);
        if (named == null) {
            return Optional.empty();
        }
        if (named.size() > 1) {
            throw new ConfigurationException("several " + kind + "s are named '" + name + "': "
                    + named.stream().map(p -> p.getClass().getName()).toList());
        }
        return Optional.of(named.get(0));
    }
}
