package io.offlinestore.backend.mapdb;

import io.offlinestore.StorageException;
import io.offlinestore.spi.BackendStats.KeyspaceStats;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.mapdb.Atomic;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.Serializer;
import org.mapdb.serializer.GroupSerializer;

/**
 * The keyspaces of a store. A registry map ({@value #REGISTRY}, string keys, byte-array values)
 * gives each keyspace name its id and counts; keyspace {@code n} lives in the map
 * {@code ks.<n>}. Ids are never reused, so a dropped keyspace's map can never be mistaken for a new
 * one. Every change here joins the transaction under way; the caller commits it.
 *
 * <p>Only byte-array and string serializers are ever used. MapDB records a map's serializers in
 * its catalog and prefers those when it opens the map, so each map opened is checked to use them:
 * a file naming any other serializer (Java serialization, say) is refused before anything in it
 * is deserialized.
 */
final class KeyspaceCatalog {
    static final String REGISTRY = "offline.keyspaces";
    static final String LAST_ID = "offline.lastKeyspaceId";

    private final DB db;
    private final BTreeMap<String, byte[]> registry;
    private final Atomic.Long lastId;
    private final Map<String, Keyspace> keyspaces = new HashMap<>();
    private long lastIssued;

    private KeyspaceCatalog(DB db, BTreeMap<String, byte[]> registry, Atomic.Long lastId) {
        this.db = db;
        this.registry = registry;
        this.lastId = lastId;
        this.lastIssued = lastId.get();
    }

    /** Adds an empty registry to a new store. */
    static void initialize(DB db) {
        db.treeMap(REGISTRY, Serializer.STRING, Serializer.BYTE_ARRAY).create();
        db.atomicLong(LAST_ID).create();
    }

    /** Opens the registry of a store and every keyspace it lists. */
    static KeyspaceCatalog open(DB db) {
        if (!db.exists(REGISTRY) || !db.exists(LAST_ID)) {
            throw new StorageException("not an Offline Store file: it has no keyspace registry");
        }
        KeyspaceCatalog catalog = new KeyspaceCatalog(db,
                checked(db.treeMap(REGISTRY, Serializer.STRING, Serializer.BYTE_ARRAY).open(), Serializer.STRING, REGISTRY),
                db.atomicLong(LAST_ID).open());
        for (Map.Entry<String, byte[]> entry : catalog.registry.entrySet()) {
            ByteBuffer record = ByteBuffer.wrap(entry.getValue());
            long id = record.getLong();
            catalog.keyspaces.put(entry.getKey(),
                    new Keyspace(entry.getKey(), id, openMap(db, id), record.getLong(), record.getLong()));
        }
        return catalog;
    }

    private static BTreeMap<byte[], byte[]> openMap(DB db, long id) {
        String name = Keyspace.mapName(id);
        return checked(db.treeMap(name, Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).open(), Serializer.BYTE_ARRAY, name);
    }

    private static <K> BTreeMap<K, byte[]> checked(BTreeMap<K, byte[]> map, GroupSerializer<K> keys, String name) {
        if (map.getKeySerializer() != keys || map.getValueSerializer() != Serializer.BYTE_ARRAY) {
            throw new StorageException("map '" + name + "' of the store declares serializers "
                    + map.getKeySerializer().getClass().getName() + " and " + map.getValueSerializer().getClass().getName()
                    + "; only byte-array and string serializers are read");
        }
        return map;
    }

    /** The keyspace of that name, or null. */
    Keyspace get(String name) {
        return keyspaces.get(name);
    }

    Set<String> names() {
        return Set.copyOf(keyspaces.keySet());
    }

    Collection<Keyspace> all() {
        return keyspaces.values();
    }

    /** Creates an empty keyspace. */
    Keyspace create(String name) {
        long id = Math.max(lastId.get(), lastIssued) + 1;
        lastIssued = id; // kept even if the transaction rolls back: MapDB caches maps by name
        BTreeMap<byte[], byte[]> entries = db.treeMap(Keyspace.mapName(id), Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable().create();
        lastId.set(id);
        Keyspace keyspace = new Keyspace(name, id, entries, 0, 0);
        record(keyspace, keyspace.stats());
        keyspaces.put(name, keyspace);
        return keyspace;
    }

    /**
     * Drops a keyspace: its registry entry and its map's catalog entries go, in one transaction,
     * so its entries are unreachable at once. Their space is reclaimed by compaction.
     */
    void drop(Keyspace keyspace) {
        registry.remove(keyspace.name());
        SortedMap<String, String> names = db.nameCatalogLoad();
        String prefix = Keyspace.mapName(keyspace.id()) + "#";
        names.keySet().removeIf(key -> key.startsWith(prefix));
        db.nameCatalogSave(names);
        keyspaces.remove(keyspace.name());
        keyspace.markDropped();
    }

    /** Records a keyspace's counts, as they will be once the transaction commits. */
    void record(Keyspace keyspace, KeyspaceStats stats) {
        registry.put(keyspace.name(), ByteBuffer.allocate(3 * Long.BYTES)
                .putLong(keyspace.id()).putLong(stats.entries()).putLong(stats.bytes()).array());
    }

    /** Creates, in this (new) store, an empty map for a keyspace of another store, with its id and counts. */
    BTreeMap<byte[], byte[]> copyOf(Keyspace keyspace) {
        BTreeMap<byte[], byte[]> entries = db.treeMap(Keyspace.mapName(keyspace.id()), Serializer.BYTE_ARRAY,
                Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().create();
        record(keyspace, keyspace.stats());
        return entries;
    }

    /** Makes new ids start after those issued by another catalog, whose keyspaces this store copies. */
    void issueIdsAfter(KeyspaceCatalog other) {
        lastIssued = Math.max(other.lastIssued, other.lastId.get());
        lastId.set(lastIssued);
    }

    /**
     * Takes over the keyspace objects of the catalog this store replaces (after compaction), so
     * that cursors holding them carry on in the new file.
     */
    void adopt(KeyspaceCatalog previous) {
        previous.keyspaces.forEach((name, keyspace) -> {
            keyspace.rebind(keyspaces.get(name).entries());
            keyspaces.put(name, keyspace);
        });
        lastIssued = Math.max(lastIssued, previous.lastIssued);
    }
}
