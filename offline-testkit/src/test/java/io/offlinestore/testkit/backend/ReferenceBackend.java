package io.offlinestore.testkit.backend;

import io.offlinestore.StorageException;
import io.offlinestore.spi.BackendStats;
import io.offlinestore.spi.Capability;
import io.offlinestore.spi.KeyRange;
import io.offlinestore.spi.KeyValue;
import io.offlinestore.spi.KeyValueCursor;
import io.offlinestore.spi.KeyspaceNames;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.WriteBatch;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A backend simple enough to be obviously right, declaring every capability the contract checks,
 * to prove the contract passes on a correct backend; built with a {@link Flaw}, it is wrong in one
 * known way, to prove the contract catches it. Each write replaces the whole committed state (a
 * map of sorted maps never changed once published), so readers see committed states only and a
 * cursor keeps the state it began with. The state is saved to a file at close and read at open.
 */
final class ReferenceBackend implements StorageBackend {

    /** One known defect; the contract must fail on each. */
    enum Flaw {
        /** Orders keys by signed bytes. */
        SIGNED_ORDER,
        /** Treats exclusive scan bounds as inclusive. */
        EXCLUSIVE_AS_INCLUSIVE,
        /** Keeps and hands out the same arrays instead of copies. */
        SHARED_ARRAYS,
        /** Reads an empty value as no value. */
        EMPTY_VALUE_AS_ABSENT,
        /** Publishes each operation of a batch as it goes, without checking the batch first. */
        WRITES_IN_PLACE,
        /** Declares PERSISTENT but saves nothing. */
        FORGETS_ON_CLOSE,
        /** Declares SNAPSHOT_CURSORS but its cursors read the latest state at each step. */
        LIVE_CURSORS,
        /** Goes on working after close. */
        USABLE_AFTER_CLOSE
    }

    private final Path file;
    private final Set<Flaw> flaws;
    private final Comparator<byte[]> order;
    private volatile Map<String, NavigableMap<byte[], byte[]>> state;
    private volatile boolean closed;

    ReferenceBackend(Path directory, Set<Flaw> flaws) {
        this.file = directory.resolve("reference-backend.bin");
        this.flaws = flaws;
        this.order = flaws.contains(Flaw.SIGNED_ORDER) ? Arrays::compare : KeyRange::compare;
        this.state = Files.exists(file) ? load() : Map.of();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.PERSISTENT, Capability.SNAPSHOT_CURSORS);
    }

    @Override
    public synchronized void createKeyspace(String keyspace) {
        requireOpen();
        KeyspaceNames.require(keyspace);
        if (!state.containsKey(keyspace)) {
            Map<String, NavigableMap<byte[], byte[]>> next = new HashMap<>(state);
            next.put(keyspace, new TreeMap<>(order));
            state = Map.copyOf(next);
        }
    }

    @Override
    public synchronized void dropKeyspace(String keyspace) {
        requireOpen();
        Map<String, NavigableMap<byte[], byte[]>> next = new HashMap<>(state);
        next.remove(keyspace);
        state = Map.copyOf(next);
    }

    @Override
    public Set<String> keyspaces() {
        requireOpen();
        return state.keySet();
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        requireOpen();
        byte[] value = existing(state, keyspace).get(key);
        return value == null || (value.length == 0 && flaws.contains(Flaw.EMPTY_VALUE_AS_ABSENT)) ? null : copy(value);
    }

    @Override
    public KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse) {
        requireOpen();
        NavigableMap<byte[], byte[]> snapshot = existing(state, keyspace);
        Supplier<NavigableMap<byte[], byte[]>> source =
                flaws.contains(Flaw.LIVE_CURSORS) ? () -> existing(state, keyspace) : () -> snapshot;
        return new Cursor(source, range, reverse);
    }

    @Override
    public synchronized void apply(WriteBatch batch) {
        requireOpen();
        if (flaws.contains(Flaw.WRITES_IN_PLACE)) {
            for (WriteBatch.Operation operation : batch.operations()) {
                state = applied(state, List.of(operation));
                Thread.yield();
            }
        } else {
            state = applied(state, batch.operations());
        }
    }

    @Override
    public BackendStats stats() {
        requireOpen();
        Map<String, BackendStats.KeyspaceStats> stats = new HashMap<>();
        state.forEach((name, entries) -> stats.put(name, new BackendStats.KeyspaceStats(entries.size(),
                entries.entrySet().stream().mapToLong(e -> e.getKey().length + e.getValue().length).sum())));
        return new BackendStats(stats);
    }

    @Override
    public void compact() {
        requireOpen();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (!flaws.contains(Flaw.FORGETS_ON_CLOSE)) {
                save();
            }
        }
    }

    private Map<String, NavigableMap<byte[], byte[]>> applied(
            Map<String, NavigableMap<byte[], byte[]>> current, List<WriteBatch.Operation> operations) {
        Map<String, NavigableMap<byte[], byte[]>> next = new HashMap<>(current);
        Set<String> copied = new HashSet<>();
        for (WriteBatch.Operation operation : operations) {
            NavigableMap<byte[], byte[]> entries = existing(next, operation.keyspace());
            if (copied.add(operation.keyspace())) {
                entries = new TreeMap<>(entries);
                next.put(operation.keyspace(), entries);
            }
            if (operation instanceof WriteBatch.Put put) {
                entries.put(copy(put.key()), copy(put.value()));
            } else {
                entries.remove(operation.key());
            }
        }
        return Map.copyOf(next);
    }

    private NavigableMap<byte[], byte[]> view(NavigableMap<byte[], byte[]> entries, KeyRange range, boolean reverse) {
        if (range.isEmpty()) {
            return Collections.emptyNavigableMap();
        }
        boolean loose = flaws.contains(Flaw.EXCLUSIVE_AS_INCLUSIVE);
        NavigableMap<byte[], byte[]> view = entries;
        if (range.start() != null) {
            view = view.tailMap(range.start(), range.startInclusive() || loose);
        }
        if (range.end() != null) {
            view = view.headMap(range.end(), range.endInclusive() || loose);
        }
        return reverse ? view.descendingMap() : view;
    }

    private byte[] copy(byte[] bytes) {
        return flaws.contains(Flaw.SHARED_ARRAYS) ? bytes : bytes.clone();
    }

    private void requireOpen() {
        if (closed && !flaws.contains(Flaw.USABLE_AFTER_CLOSE)) {
            throw new StorageException("closed");
        }
    }

    private static NavigableMap<byte[], byte[]> existing(Map<String, NavigableMap<byte[], byte[]>> state, String keyspace) {
        NavigableMap<byte[], byte[]> entries = state.get(keyspace);
        if (entries == null) {
            throw new StorageException("no keyspace '" + keyspace + "'");
        }
        return entries;
    }

    private void save() {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(state.size());
            for (Map.Entry<String, NavigableMap<byte[], byte[]>> keyspace : state.entrySet()) {
                out.writeUTF(keyspace.getKey());
                out.writeInt(keyspace.getValue().size());
                for (Map.Entry<byte[], byte[]> entry : keyspace.getValue().entrySet()) {
                    writeBytes(out, entry.getKey());
                    writeBytes(out, entry.getValue());
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot save " + file, e);
        }
    }

    private Map<String, NavigableMap<byte[], byte[]>> load() {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            Map<String, NavigableMap<byte[], byte[]>> loaded = new HashMap<>();
            for (int keyspaces = in.readInt(); keyspaces > 0; keyspaces--) {
                NavigableMap<byte[], byte[]> entries = new TreeMap<>(order);
                loaded.put(in.readUTF(), entries);
                for (int count = in.readInt(); count > 0; count--) {
                    entries.put(readBytes(in), readBytes(in));
                }
            }
            return Map.copyOf(loaded);
        } catch (IOException e) {
            throw new StorageException("cannot load " + file, e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    /** Walks the map the source supplies, finding at each step the entry after the last one returned. */
    private final class Cursor implements KeyValueCursor {
        private final Supplier<NavigableMap<byte[], byte[]>> source;
        private final KeyRange range;
        private final boolean reverse;
        private byte[] last;
        private Map.Entry<byte[], byte[]> next;

        Cursor(Supplier<NavigableMap<byte[], byte[]>> source, KeyRange range, boolean reverse) {
            this.source = source;
            this.range = range;
            this.reverse = reverse;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                NavigableMap<byte[], byte[]> entries = view(source.get(), range, reverse);
                next = last == null ? entries.firstEntry() : entries.higherEntry(last);
            }
            return next != null;
        }

        @Override
        public KeyValue next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            last = next.getKey();
            KeyValue entry = new KeyValue(copy(next.getKey()), copy(next.getValue()));
            next = null;
            return entry;
        }

        @Override
        public void close() {
            // holds nothing
        }
    }
}
