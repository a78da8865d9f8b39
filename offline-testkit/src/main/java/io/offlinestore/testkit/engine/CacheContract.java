package io.offlinestore.testkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.util.Modules;
import io.offlinestore.CacheStats;
import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.DuplicateKeyException;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.OfflineStore;
import io.offlinestore.StoreOptions;
import io.offlinestore.Transaction;
import io.offlinestore.encryption.EncryptionOptions;
import io.offlinestore.engine.OfflineStoreModule;
import io.offlinestore.engine.cache.CaffeineDocumentCache;
import io.offlinestore.engine.cache.DocumentCache;
import io.offlinestore.engine.cache.RecordLoader;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.query.Filters;
import io.offlinestore.query.Query;
import io.offlinestore.schema.CachePolicy;
import io.offlinestore.schema.CollectionSchema;
import io.offlinestore.schema.IndexDefinition;
import io.offlinestore.spi.FieldCipherProvider;
import io.offlinestore.spi.StorageBackend;
import io.offlinestore.spi.UntrackedWrites;
import io.offlinestore.spi.WriteBatch;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The read cache in front of the backend: coherent with commits from any thread (no read that
 * starts after a commit returned sees an older value, checked with readers whose backend reads
 * are held a moment so that commits land in the middle of their cache misses), transactions read their own writes and a
 * rolled-back or failed commit leaves the cache as it was, index scans fetch through it, every
 * path that rewrites documents (untracked writes as migrations use, re-encryption) invalidates
 * it, encrypted fields are cached sealed, and its statistics and policies hold.
 */
public abstract class CacheContract extends EngineContractSupport {
    private static final int WRITERS = 3;
    private static final int READERS = 3;
    private static final int IDS_PER_WRITER = 4;
    private static final int WRITES_PER_WRITER = 150;

    private static Document counter(String id, int writer, long value) {
        return doc("{'id':'" + id + "','writer':" + writer + ",'value':" + value + "}");
    }

    private static CacheStats.Collection statsOf(OfflineStore store, String collection) {
        return store.cacheStats().collections().get(collection);
    }

    @Test
    void noReadStartedAfterACommitReturnedSeesAnOlderValue() throws Exception {
        OfflineStore store = openExposingBackend(b -> b.collection(CollectionSchema.builder("counters")
                .index(IndexDefinition.of("writer")).build()), SlowReaders::new);
        DocumentCollection counters = store.collection("counters");
        int ids = WRITERS * IDS_PER_WRITER;
        AtomicLongArray started = new AtomicLongArray(ids);
        AtomicLongArray committed = new AtomicLongArray(ids);
        for (int i = 0; i < ids; i++) {
            counters.create(counter("c" + i, i / IDS_PER_WRITER, 0));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int v = 1; v <= WRITES_PER_WRITER; v++) {
                        int slot = writer * IDS_PER_WRITER + v % IDS_PER_WRITER;
                        String id = "c" + slot;
                        started.set(slot, v);
                        if (v % 7 == 0) {
                            counters.delete(id);
                        } else {
                            counters.put(counter(id, writer, v));
                        }
                        committed.set(slot, v);
                    }
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                int reader = r;
                readers.add(pool.submit(() -> {
                    SlowReaders.SLOW.set(true);
                    int round = 0;
                    while (writing.get()) {
                        int slot = (round++ * 7 + reader) % ids;
                        long floor = committed.get(slot);
                        if (reader == 0) {
                            int writer = slot / IDS_PER_WRITER;
                            long[] floors = new long[IDS_PER_WRITER];
                            for (int k = 0; k < IDS_PER_WRITER; k++) {
                                floors[k] = committed.get(writer * IDS_PER_WRITER + k);
                            }
                            for (Document d : counters.query(Query.filter(
                                    Filters.where("writer").eq(writer)))) {
                                int s = Integer.parseInt(d.getString("id").substring(1));
                                check(d, floors[s - writer * IDS_PER_WRITER], started.get(s), stale);
                            }
                        }
                        Optional<Document> read = counters.get("c" + slot);
                        if (read.isPresent()) {
                            check(read.get(), floor, started.get(slot), stale);
                        } else if (!deletedSince(slot % IDS_PER_WRITER, floor, started.get(slot))) {
                            stale.add("c" + slot + " absent though committed at " + floor
                                    + " with no delete started since");
                        }
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertTrue(stale.isEmpty(), () -> stale.size() + " stale reads, first: " + stale.peek());
        CacheStats.Collection stats = statsOf(store, "counters");
        assertTrue(stats.hits() > 0, "the readers were served from the cache: " + stats);
        for (int i = 0; i < ids; i++) {
            long last = committed.get(i);
            Optional<Document> read = counters.get("c" + i);
            assertEquals(last % 7 == 0 ? Optional.empty() : Optional.of(last), read.map(d -> d.getLong("value")),
                    "c" + i + " holds its last write");
        }
    }

    /**
     * Holds each document read by a reader thread for a moment after the backend returned it,
     * widening the window in which a commit can apply between a cache miss's read and its put:
     * the race a cache must not lose.
     */
    private static final class SlowReaders extends ForwardingBackend {
        static final ThreadLocal<Boolean> SLOW = ThreadLocal.withInitial(() -> false);

        SlowReaders(StorageBackend inner) {
            super(inner);
        }

        @Override
        public byte[] get(String keyspace, byte[] key) {
            byte[] value = super.get(keyspace, key);
            if (SLOW.get()) {
                LockSupport.parkNanos(200_000);
            }
            return value;
        }
    }

    /** A present value is stale if older than the last commit returned before the read started. */
    private static void check(Document read, long floor, long started, ConcurrentLinkedQueue<String> stale) {
        long value = read.getLong("value");
        if (value < floor) {
            stale.add(read.getString("id") + " read value " + value + " after write " + floor + " returned");
        }
        if (value > started) {
            stale.add(read.getString("id") + " read value " + value + " never written (last started " + started + ")");
        }
    }

    /** Whether a write to the slot from {@code floor} to {@code started} was a delete (every seventh write). */
    private static boolean deletedSince(int slotOfWriter, long floor, long started) {
        for (long v = Math.max(floor, 1); v <= started; v++) {
            if (v % 7 == 0 && v % IDS_PER_WRITER == slotOfWriter) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSecondReadIsAHitAndAWriteIsSeenAtOnce() {
        OfflineStore store = open();
        DocumentCollection notes = store.collection("notes");
        notes.create(doc("{'id':'n1','text':'first'}"));
        assertEquals("first", notes.get("n1").orElseThrow().getString("text"));
        assertEquals("first", notes.get("n1").orElseThrow().getString("text"));
        CacheStats.Collection stats = statsOf(store, "notes");
        assertEquals(1, stats.misses());
        assertEquals(1, stats.hits());
        assertEquals(0.5, stats.hitRate());
        assertTrue(stats.weight() > 0, "the cached document is weighed: " + stats);
        notes.patch("n1", doc("{'text':'second'}"));
        assertEquals("second", notes.get("n1").orElseThrow().getString("text"));
        assertEquals(2, notes.metadata("n1").orElseThrow().version());
        notes.delete("n1");
        assertTrue(notes.get("n1").isEmpty());
        assertTrue(notes.metadata("n1").isEmpty());
    }

    @Test
    void numericIdsOfAnyIntegerTypeShareOneEntry() {
        OfflineStore store = open();
        DocumentCollection items = store.collection("items");
        items.create(doc("{'id':7,'name':'seven'}"));
        items.get(7);
        items.get(7L);
        items.get(BigInteger.valueOf(7));
        assertEquals(1, statsOf(store, "items").misses());
        assertEquals(2, statsOf(store, "items").hits());
        items.put(doc("{'id':7,'name':'SEVEN'}"));
        assertEquals("SEVEN", items.get((short) 7).orElseThrow().getString("name"));
        assertThrows(InvalidDocumentException.class, () -> items.get(7.5));
    }

    @Test
    void indexScansFetchTheirDocumentsThroughTheCache() {
        OfflineStore store = open(b -> b.collection(CollectionSchema.builder("people")
                .index(IndexDefinition.of("city")).build()));
        DocumentCollection people = store.collection("people");
        for (int i = 0; i < 10; i++) {
            people.create(doc("{'id':'p" + i + "','city':'" + (i % 2 == 0 ? "Oslo" : "Rome") + "'}"));
        }
        for (int i = 0; i < 10; i++) {
            people.get("p" + i);
        }
        long hitsBefore = statsOf(store, "people").hits();
        assertEquals(5, people.query(Query.filter(Filters.where("city").eq("Oslo"))).size());
        assertEquals(hitsBefore + 5, statsOf(store, "people").hits(), "each document the index named came from the cache");
        people.put(doc("{'id':'p0','city':'Rome'}"));
        assertEquals(4, people.query(Query.filter(Filters.where("city").eq("Oslo"))).size());
        assertEquals("Rome", people.query(Query.filter(Filters.where("city").eq("Rome")))
                .get(0).getString("city"));
    }

    @Test
    void aTransactionReadsItsOwnWritesAndARollbackLeavesTheCacheAsItWas() {
        OfflineStore store = open();
        DocumentCollection notes = store.collection("notes");
        notes.create(doc("{'id':'n1','text':'committed'}"));
        notes.get("n1");
        try (Transaction tx = store.beginTransaction()) {
            tx.collection("notes").put(doc("{'id':'n1','text':'mine'}"));
            assertEquals("mine", tx.collection("notes").get("n1").orElseThrow().getString("text"));
            assertEquals("committed", notes.get("n1").orElseThrow().getString("text"), "others see the committed value");
            tx.rollback();
        }
        long hits = statsOf(store, "notes").hits();
        assertEquals("committed", notes.get("n1").orElseThrow().getString("text"));
        assertEquals(hits + 1, statsOf(store, "notes").hits(), "the rollback left the cached document in place");
        try (Transaction tx = store.beginTransaction()) {
            tx.collection("notes").put(doc("{'id':'n1','text':'next'}"));
            tx.commit();
        }
        assertEquals("next", notes.get("n1").orElseThrow().getString("text"));
    }

    @Test
    void aFailedCommitLeavesTheCachedDocumentsAsTheyWere() {
        OfflineStore store = open(b -> b.collection(CollectionSchema.builder("users")
                .index(IndexDefinition.unique("email")).build()));
        DocumentCollection users = store.collection("users");
        users.create(doc("{'id':'u1','email':'a@x'}"));
        users.create(doc("{'id':'u2','email':'b@x'}"));
        users.get("u2");
        assertThrows(DuplicateKeyException.class, () -> users.putBatch(List.of(
                doc("{'id':'u2','email':'c@x'}"), doc("{'id':'u3','email':'a@x'}"))));
        long hits = statsOf(store, "users").hits();
        assertEquals("b@x", users.get("u2").orElseThrow().getString("email"));
        assertEquals(hits + 1, statsOf(store, "users").hits());
        assertTrue(users.get("u3").isEmpty());
    }

    @Test
    void untrackedWritesAsMigrationsMakeThemInvalidateTheCache() {
        OfflineStore store = open();
        DocumentCollection notes = store.collection("notes");
        notes.create(doc("{'id':'n1','text':'before'}"));
        notes.get("n1");
        try (Transaction tx = ((UntrackedWrites) store).beginUntracked("notes")) {
            tx.collection("notes").put(doc("{'id':'n1','text':'migrated'}"));
            tx.commit();
        }
        assertEquals("migrated", notes.get("n1").orElseThrow().getString("text"));
    }

    @Test
    void policiesBoundDisableAndSeparateCollections() {
        OfflineStore store = open(b -> b
                .collection(CollectionSchema.builder("once").cache(CachePolicy.none()).build())
                .collection(CollectionSchema.builder("small").cache(CachePolicy.of(2_000)).build()));
        DocumentCollection once = store.collection("once");
        DocumentCollection small = store.collection("small");
        once.create(doc("{'id':'o1'}"));
        once.get("o1");
        once.get("o1");
        assertEquals(0, statsOf(store, "once").hits(), "a collection with CachePolicy.none() is never cached");
        assertEquals("none", statsOf(store, "once").policy());
        String padding = "x".repeat(200);
        for (int i = 0; i < 50; i++) {
            small.create(doc("{'id':'s" + i + "','pad':'" + padding + "'}"));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 50; i++) {
                assertEquals(padding, small.get("s" + i).orElseThrow().getString("pad"));
            }
        }
        CacheStats.Collection stats = statsOf(store, "small");
        assertTrue(stats.weight() <= 2_000, "the collection's own bound holds: " + stats);
        assertTrue(stats.evictions() > 0, "documents beyond the bound were evicted: " + stats);
        assertEquals("2000 bytes", stats.policy());
    }

    @Test
    void storageInfoReportsEachCollectionsCacheWeight() {
        OfflineStore store = open();
        DocumentCollection notes = store.collection("notes");
        notes.create(doc("{'id':'n1','text':'" + "z".repeat(500) + "'}"));
        assertEquals(0, store.storageInfo().collections().get("notes").cacheBytes(), "nothing read yet");
        notes.get("n1");
        long cached = store.storageInfo().collections().get("notes").cacheBytes();
        assertTrue(cached >= 500, "the document read is cached with its encoded size: " + cached);
        assertEquals(statsOf(store, "notes").weight(), cached);
    }

    @Test
    void aCacheSizeOfZeroCachesNothing() {
        OfflineStore store = open(b -> b.cacheSize(0));
        DocumentCollection notes = store.collection("notes");
        notes.create(doc("{'id':'n1'}"));
        notes.get("n1");
        notes.get("n1");
        assertEquals(0, store.cacheStats().maxBytes());
        assertEquals(0, statsOf(store, "notes").hits());
        assertEquals(0, statsOf(store, "notes").weight());
    }

    @Test
    void encryptedFieldsAreCachedSealedAndReencryptionInvalidates() {
        ConcurrentLinkedQueue<StoredRecord> seen = new ConcurrentLinkedQueue<>();
        StoreOptions options = configure(directory).encryption(EncryptionOptions.builder().sensitiveFields("ssn")
                .keyProvider(cipherModule().passphraseKeyProvider("cache horse".toCharArray())).build()).build();
        DocumentCache recording = new Recording(new CaffeineDocumentCache(options), seen);
        OfflineStore store = Guice.createInjector(Modules.override(new OfflineStoreModule(options))
                .with(binder -> binder.bind(DocumentCache.class).toInstance(recording))).getInstance(OfflineStore.class);
        try {
            DocumentCollection people = store.collection("people");
            people.create(doc("{'id':'p1','ssn':'123-45-6789'}"));
            assertEquals("123-45-6789", people.get("p1").orElseThrow().getString("ssn"));
            assertEquals("123-45-6789", people.get("p1").orElseThrow().getString("ssn"));
            assertEquals(1, statsOf(store, "people").hits(), "the replacement binding is the one in use");
            assertFalse(seen.isEmpty());
            seen.forEach(record -> assertFalse(record.body().toString().contains("123-45-6789"),
                    "the cache holds the sealed form: " + record.body()));
            long sequence = people.metadata("p1").orElseThrow().sequence();
            store.rotateKeys();
            assertEquals(1, store.reencrypt(p -> { }).resealed());
            assertTrue(people.metadata("p1").orElseThrow().sequence() > sequence,
                    "the re-sealed record replaced the cached one");
            assertEquals("123-45-6789", people.get("p1").orElseThrow().getString("ssn"));
        } finally {
            store.close();
        }
    }

    private static FieldCipherProvider cipherModule() {
        return ServiceLoader.load(FieldCipherProvider.class).findFirst()
                .orElseThrow(() -> new AssertionError("no cipher module (e.g. encryption-tink) on the test classpath"));
    }

    /** A cache binding that records what it hands out. */
    private record Recording(DocumentCache delegate, ConcurrentLinkedQueue<StoredRecord> seen) implements DocumentCache {
        @Override
        public StoredRecord get(String keyspace, Object id, RecordLoader loader) {
            StoredRecord record = delegate.get(keyspace, id, loader);
            if (record != null) {
                seen.add(record);
            }
            return record;
        }

        @Override
        public boolean keeps(String keyspace) {
            return delegate.keeps(keyspace);
        }

        @Override
        public void invalidate(WriteBatch applied) {
            delegate.invalidate(applied);
        }

        @Override
        public CacheStats stats() {
            return delegate.stats();
        }
    }
}
