package io.offlinestore.benchmarks.subject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

/**
 * The raw MVStore baseline: what an application would write by hand on H2's MVStore (2.4, whose
 * {@code ByteArrayDataType} orders keys as unsigned bytes). Two {@code MVMap<byte[], byte[]>}:
 * documents by 8-byte id (Smile bodies), and the index, keyed by the 4-byte {@code group} then the
 * id, with empty values. Auto-commit is off (delay and buffer), so each write is one version:
 * {@code commit()} then {@code sync()}, as MVStore's commit writes without forcing. This is the
 * h2 backend's commit pattern, without the engine above it.
 */
final class RawMvStoreSubject implements Subject {
    private final Path file;
    private MVStore store;
    private MVMap<byte[], byte[]> documents;
    private MVMap<byte[], byte[]> index;

    RawMvStoreSubject(Path directory) {
        this.file = directory.resolve("raw.mv.db");
        open();
    }

    private void open() {
        store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open();
        store.setVersionsToKeep(0);
        documents = store.openMap("documents", builder());
        index = store.openMap("group", builder());
    }

    private static MVMap.Builder<byte[], byte[]> builder() {
        return new MVMap.Builder<byte[], byte[]>().keyType(ByteArrayDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE);
    }

    @Override
    public Object prepare(ObjectNode document) {
        return document;
    }

    @Override
    public void insertAll(List<Object> batch) {
        for (Object document : batch) {
            put((ObjectNode) document);
        }
        commit();
    }

    @Override
    public void insertOne(Object document) {
        put((ObjectNode) document);
        commit();
    }

    private void commit() {
        store.commit();
        store.sync();
    }

    private void put(ObjectNode document) {
        long id = document.get("id").longValue();
        if (documents.putIfAbsent(RawKeys.id(id), RawCodec.encode(document)) != null) {
            throw new IllegalStateException("duplicate id " + id);
        }
        index.put(RawKeys.index(document.get("group").intValue(), id), new byte[0]);
    }

    @Override
    public Object get(long id) {
        byte[] body = documents.get(RawKeys.id(id));
        if (body == null) {
            throw new IllegalStateException("no document " + id);
        }
        return RawCodec.decode(body);
    }

    @Override
    public List<?> findByGroup(int group) {
        return fetch(index.keyIterator(RawKeys.index(group, Long.MIN_VALUE)), RawKeys.index(group, Long.MAX_VALUE), Integer.MAX_VALUE);
    }

    @Override
    public List<?> findGroupsFrom(int from, int limit) {
        return fetch(index.keyIterator(RawKeys.index(from, Long.MIN_VALUE)), null, limit);
    }

    private List<ObjectNode> fetch(Iterator<byte[]> indexKeys, byte[] last, int limit) {
        List<ObjectNode> out = new ArrayList<>();
        while (out.size() < limit && indexKeys.hasNext()) {
            byte[] key = indexKeys.next();
            if (last != null && ByteArrayDataType.INSTANCE.compare(key, last) > 0) {
                break;
            }
            out.add(RawCodec.decode(documents.get(RawKeys.documentOf(key))));
        }
        return out;
    }

    @Override
    public List<?> scanByStatus(String status) {
        return RawCodec.withStatus(documents.values(), status);
    }

    @Override
    public void reopen() {
        store.close();
        open();
    }

    @Override
    public void close() {
        store.close();
    }
}
