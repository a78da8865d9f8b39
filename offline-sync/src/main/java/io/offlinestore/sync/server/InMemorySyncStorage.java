package io.offlinestore.sync.server;

import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.MutationKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@link SyncStorage} in memory, for tests and the simulator. Transactions run one at a time and
 * their writes become visible only when the work returns normally. The state outlives any
 * {@link SyncServer} over it, so a server can be "restarted" by building a new one.
 */
public final class InMemorySyncStorage implements SyncStorage {
    private final Map<DocumentRef, ServerDocument> documents = new HashMap<>();
    private final Map<String, NavigableMap<Long, DocumentRef>> bySequence = new HashMap<>();
    private final Map<String, Long> purgedThrough = new HashMap<>();
    private final Map<Lane, Processed> processed = new HashMap<>();
    private long sequence;

    private record Lane(String clientId, DocumentRef document) {
    }

    private record Processed(LaneHead head, Instant at) {
    }

    @Override
    public synchronized <T> T transact(Function<SyncStorage.Transaction, T> work) {
        Staged staged = new Staged();
        T result = work.apply(staged);
        staged.documents.values().forEach(this::store);
        processed.putAll(staged.processed);
        sequence = staged.sequence;
        return result;
    }

    private void store(ServerDocument document) {
        ServerDocument previous = documents.put(document.document(), document);
        NavigableMap<Long, DocumentRef> index = bySequence.computeIfAbsent(document.document().collection(),
                c -> new TreeMap<>());
        if (previous != null) {
            index.remove(previous.sequence());
        }
        index.put(document.sequence(), document.document());
    }

    @Override
    public synchronized List<ServerDocument> changedAfter(String collection, long afterSequence, int limit) {
        List<ServerDocument> page = new ArrayList<>();
        for (DocumentRef ref : bySequence.getOrDefault(collection, new TreeMap<>())
                .tailMap(afterSequence, false).values()) {
            if (page.size() == limit) {
                break;
            }
            page.add(documents.get(ref));
        }
        return page;
    }

    @Override
    public synchronized long countChangedAfter(String collection, long afterSequence) {
        return bySequence.getOrDefault(collection, new TreeMap<>()).tailMap(afterSequence, false).size();
    }

    @Override
    public synchronized long purgedThrough(String collection) {
        return purgedThrough.getOrDefault(collection, 0L);
    }

    @Override
    public synchronized void purge(Instant tombstonesBefore, Instant keysBefore) {
        documents.values().removeIf(doc -> {
            if (doc.deleted() && doc.updatedAt().isBefore(tombstonesBefore)) {
                bySequence.get(doc.document().collection()).remove(doc.sequence());
                purgedThrough.merge(doc.document().collection(), doc.sequence(), Math::max);
                return true;
            }
            return false;
        });
        processed.values().removeIf(p -> p.at().isBefore(keysBefore));
    }

    /** How many document states (tombstones included) are stored. */
    public synchronized int size() {
        return documents.size();
    }

    private final class Staged implements SyncStorage.Transaction {
        private final Map<DocumentRef, ServerDocument> documents = new HashMap<>();
        private final Map<Lane, Processed> processed = new HashMap<>();
        private long sequence = InMemorySyncStorage.this.sequence;

        @Override
        public Optional<ServerDocument> document(DocumentRef document) {
            ServerDocument staged = documents.get(document);
            return Optional.ofNullable(staged != null ? staged : InMemorySyncStorage.this.documents.get(document));
        }

        @Override
        public void write(ServerDocument document) {
            documents.put(document.document(), document);
        }

        @Override
        public long nextSequence() {
            return ++sequence;
        }

        @Override
        public Optional<LaneHead> laneHead(String clientId, DocumentRef document) {
            Lane lane = new Lane(clientId, document);
            Processed staged = processed.get(lane);
            Processed found = staged != null ? staged : InMemorySyncStorage.this.processed.get(lane);
            return Optional.ofNullable(found).map(Processed::head);
        }

        @Override
        public void recordProcessed(MutationKey key, long version, Instant at) {
            Lane lane = new Lane(key.clientId(), key.document());
            if (laneHead(lane.clientId(), lane.document()).map(h -> h.sequence() < key.sequence()).orElse(true)) {
                processed.put(lane, new Processed(new LaneHead(key.sequence(), version), at));
            }
        }
    }
}
