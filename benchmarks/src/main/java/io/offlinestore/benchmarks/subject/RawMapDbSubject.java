package io.offlinestore.benchmarks.subject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

/**
 * The raw MapDB baseline: what an application would write by hand on MapDB 3.1.0 with
 * transactions on. Two {@code BTreeMap<byte[], byte[]>}: documents by 8-byte id (Smile bodies,
 * values outside the nodes), and the index, keyed by the 4-byte {@code group} then the id, with
 * empty values. Each write is one {@code db.commit()}, which MapDB forces to disk.
 *
 * <p>The layout is the best of those backend-mapdb's README measured for the commit pattern: values
 * outside the nodes in a memory-mapped file for batches and reads, and through a file channel for
 * one commit per document (where mapping costs raw MapDB ten times: each commit maps a new log file).
 */
final class RawMapDbSubject implements Subject {
    private final Path file;
    private final boolean mmap;
    private DB db;
    private BTreeMap<byte[], byte[]> documents;
    private BTreeMap<byte[], byte[]> index;

    RawMapDbSubject(Path directory, boolean mmap) {
        this.file = directory.resolve("raw.mapdb");
        this.mmap = mmap;
        open();
    }

    private void open() {
        DBMaker.Maker maker = DBMaker.fileDB(file.toFile()).transactionEnable();
        if (mmap) {
            maker = maker.fileMmapEnableIfSupported().cleanerHackEnable();
        }
        db = maker.make();
        documents = db.treeMap("documents", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable().createOrOpen();
        index = db.treeMap("group", Serializer.BYTE_ARRAY, Serializer.BYTE_ARRAY).createOrOpen();
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
        db.commit();
    }

    @Override
    public void insertOne(Object document) {
        put((ObjectNode) document);
        db.commit();
    }

    private void put(ObjectNode document) {
        long id = document.get("id").longValue();
        byte[] key = RawKeys.id(id);
        if (documents.putIfAbsent(key, RawCodec.encode(document)) != null) {
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
        return fetch(index.subMap(RawKeys.index(group, Long.MIN_VALUE), true, RawKeys.index(group, Long.MAX_VALUE), true)
                .keySet().iterator(), Integer.MAX_VALUE);
    }

    @Override
    public List<?> findGroupsFrom(int from, int limit) {
        return fetch(index.tailMap(RawKeys.index(from, Long.MIN_VALUE), true).keySet().iterator(), limit);
    }

    private List<ObjectNode> fetch(Iterator<byte[]> indexKeys, int limit) {
        List<ObjectNode> out = new ArrayList<>();
        while (out.size() < limit && indexKeys.hasNext()) {
            byte[] key = indexKeys.next();
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
        db.close();
        open();
    }

    @Override
    public void close() {
        db.close();
    }
}
