package io.offlinestore.backend.h2;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * One keyspace: its name, the id that names its MVStore map ({@code ks.<id>}), the map, and the
 * bytes of keys and values it held at the last commit. Ids are never reused while a store is open,
 * so a dropped keyspace's map is never mistaken for a new one of the same name.
 */
final class Keyspace {
    private final String name;
    private final long id;
    private final MVMap<byte[], byte[]> map;
    private long bytes;

    private Keyspace(String name, long id, MVMap<byte[], byte[]> map, long bytes) {
        this.name = name;
        this.id = id;
        this.map = map;
        this.bytes = bytes;
    }

    /** Opens (creating if absent) the map of keyspace {@code id} in the store. */
    static Keyspace open(MVStore store, String name, long id, long bytes) {
        MVMap<byte[], byte[]> map = store.openMap(mapName(id), new MVMap.Builder<byte[], byte[]>()
                .keyType(UnsignedBytesType.INSTANCE).valueType(UnsignedBytesType.INSTANCE));
        return new Keyspace(name, id, map, bytes);
    }

    static String mapName(long id) {
        return "ks." + id;
    }

    String name() {
        return name;
    }

    long id() {
        return id;
    }

    MVMap<byte[], byte[]> map() {
        return map;
    }

    /** The bytes of keys and values as of the last commit. */
    long bytes() {
        return bytes;
    }

    /** Records the byte count a commit left; called by the writer once the commit is done. */
    void bytes(long bytes) {
        this.bytes = bytes;
    }
}
