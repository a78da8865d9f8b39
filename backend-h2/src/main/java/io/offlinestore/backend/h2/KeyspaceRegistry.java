package io.offlinestore.backend.h2;

import io.offlinestore.StorageException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;

/**
 * The keyspaces of a store, listed in the map {@value #NAME}: each keyspace name maps to its id and
 * the bytes of its keys and values (its entry count is the size of its own map). Every change here
 * joins the MVStore version under way, so it is committed with the batch that caused it. Used by the
 * writer only, under the backend's write lock.
 */
final class KeyspaceRegistry {
    static final String NAME = "offline.keyspaces";

    private final MVStore store;
    private final MVMap<String, byte[]> entries;
    private final Map<String, Keyspace> keyspaces = new HashMap<>();
    private long lastId;

    private KeyspaceRegistry(MVStore store, MVMap<String, byte[]> entries) {
        this.store = store;
        this.entries = entries;
    }

    /**
     * Opens the registry of a store and the map of every keyspace it lists; creates an empty registry
     * in an empty store.
     *
     * @throws StorageException if the file holds maps but no registry, or a listed map is missing
     */
    static KeyspaceRegistry open(MVStore store) {
        if (!store.hasMap(NAME) && !store.getMapNames().isEmpty()) {
            throw new StorageException("not an Offline Store file: it holds the maps " + store.getMapNames()
                    + " but no keyspace registry");
        }
        KeyspaceRegistry registry = new KeyspaceRegistry(store, store.openMap(NAME,
                new MVMap.Builder<String, byte[]>().keyType(StringDataType.INSTANCE).valueType(UnsignedBytesType.INSTANCE)));
        for (Map.Entry<String, byte[]> entry : registry.entries.entrySet()) {
            ByteBuffer record = ByteBuffer.wrap(entry.getValue());
            long id = record.getLong();
            if (!store.hasMap(Keyspace.mapName(id))) {
                throw new StorageException("the store lists keyspace '" + entry.getKey() + "' but has no map "
                        + Keyspace.mapName(id));
            }
            registry.keyspaces.put(entry.getKey(), Keyspace.open(store, entry.getKey(), id, record.getLong()));
            registry.lastId = Math.max(registry.lastId, id);
        }
        return registry;
    }

    /** The keyspace of that name, or null. */
    Keyspace get(String name) {
        return keyspaces.get(name);
    }

    Map<String, Keyspace> all() {
        return Map.copyOf(keyspaces);
    }

    Set<String> names() {
        return Set.copyOf(keyspaces.keySet());
    }

    /** Creates an empty keyspace, in the version under way. */
    Keyspace create(String name) {
        Keyspace keyspace = Keyspace.open(store, name, ++lastId, 0);
        record(keyspace, 0);
        keyspaces.put(name, keyspace);
        return keyspace;
    }

    /** Removes a keyspace and its map, in the version under way. */
    void drop(Keyspace keyspace) {
        entries.remove(keyspace.name());
        store.removeMap(keyspace.map());
        keyspaces.remove(keyspace.name());
    }

    /** Records a keyspace's byte count as it will be once the version under way is committed. */
    void record(Keyspace keyspace, long bytes) {
        entries.put(keyspace.name(), ByteBuffer.allocate(2 * Long.BYTES).putLong(keyspace.id()).putLong(bytes).array());
    }
}
