package io.offlinestore.sync.server.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.server.LaneHead;
import io.offlinestore.sync.server.ServerDocument;
import io.offlinestore.sync.server.SyncStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * {@link SyncStorage} on PostgreSQL (schema {@code db/migration}, applied by {@link Schema}).
 * Each {@link #transact} is one database transaction that first locks the single counter row:
 * push transactions run one at a time across every server instance on the database, so commit
 * sequences become visible in the order they were handed out and a pull never skips a write.
 *
 * <p>A storage is a view for a set of scopes: it reads only documents in them, creates new
 * documents in its own scope, sees a document of another scope as absent, and refuses (with
 * {@link ScopeViolationException}, rolling the transaction back) to write one. {@link #unscoped} sees every
 * document.
 */
public final class PostgresSyncStorage implements SyncStorage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ALL_SCOPES = null;

    private final DataSource dataSource;
    private final Set<String> scopes;
    private final String ownScope;
    private final List<MutationKey> prefetch;

    private PostgresSyncStorage(DataSource dataSource, Set<String> scopes, String ownScope, List<MutationKey> prefetch) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.scopes = scopes;
        this.ownScope = Objects.requireNonNull(ownScope, "ownScope");
        this.prefetch = List.copyOf(prefetch);
    }

    /** A view of every document, creating new ones in {@code ownScope}. */
    public static PostgresSyncStorage unscoped(DataSource dataSource, String ownScope) {
        return new PostgresSyncStorage(dataSource, ALL_SCOPES, ownScope, List.of());
    }

    /** A view of the documents in {@code scopes}, creating new ones in {@code ownScope} (one of them). */
    public static PostgresSyncStorage scoped(DataSource dataSource, Set<String> scopes, String ownScope) {
        if (!scopes.contains(ownScope)) {
            throw new IllegalArgumentException("own scope '" + ownScope + "' is not among " + scopes);
        }
        return new PostgresSyncStorage(dataSource, Set.copyOf(scopes), ownScope, List.of());
    }

    /**
     * This view, with each transaction loading the documents and dedup lane heads of {@code keys}
     * in two queries when it starts (a push's mutations), instead of two queries per mutation.
     */
    public PostgresSyncStorage prefetching(Collection<MutationKey> keys) {
        return new PostgresSyncStorage(dataSource, scopes, ownScope, List.copyOf(keys));
    }

    private boolean visible(String scope) {
        return scopes == ALL_SCOPES || scopes.contains(scope);
    }

    private String scopeClause() {
        return scopes == ALL_SCOPES ? "" : " and scope = any(?)";
    }

    private int bindScopes(Connection connection, PreparedStatement statement, int index) throws SQLException {
        if (scopes == ALL_SCOPES) {
            return index;
        }
        statement.setArray(index, connection.createArrayOf("text", scopes.toArray()));
        return index + 1;
    }

    /**
     * The documents among {@code documents} that exist and belong to a scope outside this view
     * (a push to them is refused). Read outside any push transaction: the transaction itself
     * checks again.
     */
    public Set<DocumentRef> outsideScopes(Collection<DocumentRef> documents) {
        if (scopes == ALL_SCOPES || documents.isEmpty()) {
            return Set.of();
        }
        List<DocumentRef> refs = List.copyOf(new HashSet<>(documents));
        return query(connection -> {
            Set<DocumentRef> outside = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement("select r.i, d.scope from sync_document d"
                    + " join unnest(?::text[], ?::text[]) with ordinality as r(c, d, i)"
                    + " on d.collection = r.c and d.doc_id = r.d")) {
                statement.setArray(1, connection.createArrayOf("text",
                        refs.stream().map(DocumentRef::collection).toArray()));
                statement.setArray(2, connection.createArrayOf("text",
                        refs.stream().map(ref -> ref.id().toString()).toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (!visible(rows.getString(2))) {
                            outside.add(refs.get(rows.getInt(1) - 1));
                        }
                    }
                }
            }
            return outside;
        });
    }

    @Override
    public <T> T transact(Function<Transaction, T> work) {
        return inTransaction("push transaction", connection -> {
            PgTransaction tx = new PgTransaction(connection);
            T result = work.apply(tx);
            tx.flush();
            return result;
        });
    }

    private <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public List<ServerDocument> changedAfter(String collection, long afterSequence, int limit) {
        return query(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select " + DocumentRow.COLUMNS + " from sync_document where collection = ? and sequence > ?"
                            + scopeClause() + " order by sequence limit ?")) {
                statement.setString(1, collection);
                statement.setLong(2, afterSequence);
                statement.setInt(bindScopes(connection, statement, 3), limit);
                List<ServerDocument> page = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        page.add(DocumentRow.read(rows).document());
                    }
                }
                return page;
            }
        });
    }

    @Override
    public long countChangedAfter(String collection, long afterSequence) {
        return query(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select count(*) from sync_document where collection = ? and sequence > ?" + scopeClause())) {
                statement.setString(1, collection);
                statement.setLong(2, afterSequence);
                bindScopes(connection, statement, 3);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Override
    public long purgedThrough(String collection) {
        return query(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select through from sync_purged where collection = ?")) {
                statement.setString(1, collection);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public void purge(Instant tombstonesBefore, Instant keysBefore) {
        inTransaction("purge", connection -> {
            lockCounter(connection);
            try (PreparedStatement purged = connection.prepareStatement(
                    "insert into sync_purged (collection, through)"
                            + " select collection, max(sequence) from sync_document where deleted and updated_at < ?"
                            + " group by collection"
                            + " on conflict (collection) do update set through = greatest(sync_purged.through, excluded.through)");
                 PreparedStatement tombstones = connection.prepareStatement(
                         "delete from sync_document where deleted and updated_at < ?");
                 PreparedStatement keys = connection.prepareStatement(
                         "delete from sync_processed where processed_at < ?")) {
                purged.setTimestamp(1, Timestamp.from(tombstonesBefore));
                purged.executeUpdate();
                tombstones.setTimestamp(1, Timestamp.from(tombstonesBefore));
                tombstones.executeUpdate();
                keys.setTimestamp(1, Timestamp.from(keysBefore));
                keys.executeUpdate();
            }
            return null;
        });
    }

    private static long lockCounter(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select value from sync_counter where id = 1 for update");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private <T> T query(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw unavailable("query", e);
        }
    }

    private static StorageUnavailableException unavailable(String what, SQLException e) {
        return new StorageUnavailableException("PostgreSQL " + what + " failed (SQLState " + e.getSQLState() + "): "
                + e.getMessage(), e);
    }


    /** One client's writes to one document, in key sequence order. */
    private record Lane(String clientId, DocumentRef document) {
        static Lane of(MutationKey key) {
            return new Lane(key.clientId(), key.document());
        }
    }

    /** A row of {@code sync_document}. */
    private record DocumentRow(ServerDocument document, String scope) {
        static final String COLUMNS = "collection, doc_id, scope, version, sequence, deleted, body, written_client,"
                + " written_sequence, updated_at";

        static DocumentRow read(ResultSet rows) throws SQLException {
            DocumentRef ref = new DocumentRef(rows.getString("collection"), parse(rows.getString("doc_id")));
            String body = rows.getString("body");
            ServerDocument document = new ServerDocument(ref, rows.getLong("version"), rows.getLong("sequence"),
                    rows.getBoolean("deleted"), body == null ? null : (ObjectNode) parse(body),
                    new MutationKey(rows.getString("written_client"), rows.getLong("written_sequence"), ref),
                    rows.getTimestamp("updated_at").toInstant());
            return new DocumentRow(document, rows.getString("scope"));
        }

        static JsonNode parse(String json) throws SQLException {
            try {
                return JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw new SQLException("stored JSON does not parse: " + json, e);
            }
        }
    }

    /** One push transaction: reads see its own staged writes, which reach the database on commit. */
    private final class PgTransaction implements Transaction {
        private final Connection connection;
        private final Map<DocumentRef, ServerDocument> staged = new LinkedHashMap<>();
        private final Map<DocumentRef, String> scopeOf = new HashMap<>();
        private final Map<MutationKey, Long> processed = new LinkedHashMap<>();
        private final Map<MutationKey, Instant> processedAt = new HashMap<>();
        private final Map<DocumentRef, Optional<DocumentRow>> loaded = new HashMap<>();
        private final Map<Lane, Optional<LaneHead>> heads = new HashMap<>();
        private long sequence;
        private final long initialSequence;

        PgTransaction(Connection connection) throws SQLException {
            this.connection = connection;
            this.initialSequence = lockCounter(connection);
            this.sequence = initialSequence;
            if (!prefetch.isEmpty()) {
                prefetchDocuments();
                prefetchLaneHeads();
            }
        }

        private void prefetchDocuments() throws SQLException {
            List<DocumentRef> refs = prefetch.stream().map(MutationKey::document).distinct().toList();
            refs.forEach(ref -> loaded.put(ref, Optional.empty()));
            try (PreparedStatement statement = connection.prepareStatement("select " + DocumentRow.COLUMNS
                    + " from sync_document join unnest(?::text[], ?::text[]) as r(c, d)"
                    + " on collection = r.c and doc_id = r.d")) {
                statement.setArray(1, connection.createArrayOf("text", refs.stream().map(DocumentRef::collection).toArray()));
                statement.setArray(2, connection.createArrayOf("text", refs.stream().map(r -> r.id().toString()).toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        DocumentRow row = DocumentRow.read(rows);
                        loaded.put(row.document().document(), Optional.of(row));
                    }
                }
            }
        }

        private void prefetchLaneHeads() throws SQLException {
            List<Lane> lanes = prefetch.stream().map(Lane::of).distinct().toList();
            lanes.forEach(lane -> heads.put(lane, Optional.empty()));
            try (PreparedStatement statement = connection.prepareStatement("select distinct on (client_id,"
                    + " collection, doc_id) client_id, collection, doc_id, key_sequence, version from sync_processed"
                    + " join unnest(?::text[], ?::text[], ?::text[]) as r(cl, c, d)"
                    + " on client_id = r.cl and collection = r.c and doc_id = r.d"
                    + " order by client_id, collection, doc_id, key_sequence desc")) {
                statement.setArray(1, connection.createArrayOf("text", lanes.stream().map(Lane::clientId).toArray()));
                statement.setArray(2, connection.createArrayOf("text",
                        lanes.stream().map(lane -> lane.document().collection()).toArray()));
                statement.setArray(3, connection.createArrayOf("text",
                        lanes.stream().map(lane -> lane.document().id().toString()).toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        DocumentRef ref = new DocumentRef(rows.getString(2), DocumentRow.parse(rows.getString(3)));
                        heads.put(new Lane(rows.getString(1), ref),
                                Optional.of(new LaneHead(rows.getLong(4), rows.getLong(5))));
                    }
                }
            }
        }

        @Override
        public Optional<ServerDocument> document(DocumentRef document) {
            ServerDocument mine = staged.get(document);
            if (mine != null) {
                return Optional.of(mine);
            }
            Optional<DocumentRow> row = load(document);
            row.ifPresent(found -> scopeOf.put(document, found.scope()));
            return row.filter(found -> visible(found.scope())).map(DocumentRow::document);
        }

        private Optional<DocumentRow> load(DocumentRef document) {
            Optional<DocumentRow> cached = loaded.get(document);
            if (cached != null) {
                return cached;
            }
            try (PreparedStatement statement = connection.prepareStatement("select " + DocumentRow.COLUMNS
                    + " from sync_document where collection = ? and doc_id = ?")) {
                statement.setString(1, document.collection());
                statement.setString(2, document.id().toString());
                try (ResultSet rows = statement.executeQuery()) {
                    Optional<DocumentRow> row = rows.next() ? Optional.of(DocumentRow.read(rows)) : Optional.empty();
                    loaded.put(document, row);
                    return row;
                }
            } catch (SQLException e) {
                throw unavailable("read of " + document, e);
            }
        }

        @Override
        public void write(ServerDocument document) {
            if (!scopeOf.containsKey(document.document()) && !staged.containsKey(document.document())) {
                load(document.document()).ifPresent(row -> scopeOf.put(document.document(), row.scope()));
            }
            String scope = scopeOf.get(document.document());
            if (scope != null && !visible(scope)) {
                throw new ScopeViolationException(document.document(), scope);
            }
            staged.put(document.document(), document);
        }

        @Override
        public long nextSequence() {
            return ++sequence;
        }

        @Override
        public Optional<LaneHead> laneHead(String clientId, DocumentRef document) {
            Lane lane = new Lane(clientId, document);
            Optional<LaneHead> mine = processed.entrySet().stream().filter(e -> Lane.of(e.getKey()).equals(lane))
                    .max(Comparator.comparingLong(e -> e.getKey().sequence()))
                    .map(e -> new LaneHead(e.getKey().sequence(), e.getValue()));
            if (mine.isPresent()) {
                return mine;
            }
            Optional<LaneHead> cached = heads.get(lane);
            if (cached != null) {
                return cached;
            }
            try (PreparedStatement statement = connection.prepareStatement("select key_sequence, version"
                    + " from sync_processed where client_id = ? and collection = ? and doc_id = ?"
                    + " order by key_sequence desc limit 1")) {
                statement.setString(1, clientId);
                statement.setString(2, document.collection());
                statement.setString(3, document.id().toString());
                try (ResultSet rows = statement.executeQuery()) {
                    Optional<LaneHead> head = rows.next() ? Optional.of(new LaneHead(rows.getLong(1), rows.getLong(2)))
                            : Optional.empty();
                    heads.put(lane, head);
                    return head;
                }
            } catch (SQLException e) {
                throw unavailable("dedup lookup of " + clientId + "'s writes to " + document, e);
            }
        }

        @Override
        public void recordProcessed(MutationKey key, long version, Instant at) {
            processed.put(key, version);
            processedAt.put(key, at);
        }

        void flush() throws SQLException {
            if (staged.isEmpty() && processed.isEmpty()) {
                return;
            }
            try (PreparedStatement upsert = connection.prepareStatement("insert into sync_document ("
                    + DocumentRow.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)"
                    + " on conflict (collection, doc_id) do update set version = excluded.version,"
                    + " sequence = excluded.sequence, deleted = excluded.deleted, body = excluded.body,"
                    + " written_client = excluded.written_client, written_sequence = excluded.written_sequence,"
                    + " updated_at = excluded.updated_at");
                 PreparedStatement keys = connection.prepareStatement("insert into sync_processed"
                         + " (client_id, key_sequence, collection, doc_id, version, processed_at)"
                         + " values (?, ?, ?, ?, ?, ?)");
                 PreparedStatement counter = connection.prepareStatement(
                         "update sync_counter set value = ? where id = 1")) {
                for (ServerDocument doc : staged.values()) {
                    upsert.setString(1, doc.document().collection());
                    upsert.setString(2, doc.document().id().toString());
                    upsert.setString(3, scopeOf.getOrDefault(doc.document(), ownScope));
                    upsert.setLong(4, doc.version());
                    upsert.setLong(5, doc.sequence());
                    upsert.setBoolean(6, doc.deleted());
                    upsert.setString(7, doc.body() == null ? null : doc.body().toString());
                    upsert.setString(8, doc.writtenBy().clientId());
                    upsert.setLong(9, doc.writtenBy().sequence());
                    upsert.setTimestamp(10, Timestamp.from(doc.updatedAt()));
                    upsert.addBatch();
                }
                upsert.executeBatch();
                for (Map.Entry<MutationKey, Long> entry : processed.entrySet()) {
                    bindKey(keys, entry.getKey());
                    keys.setLong(5, entry.getValue());
                    keys.setTimestamp(6, Timestamp.from(processedAt.get(entry.getKey())));
                    keys.addBatch();
                }
                keys.executeBatch();
                if (sequence != initialSequence) {
                    counter.setLong(1, sequence);
                    counter.executeUpdate();
                }
            }
        }

        private static void bindKey(PreparedStatement statement, MutationKey key) throws SQLException {
            statement.setString(1, key.clientId());
            statement.setLong(2, key.sequence());
            statement.setString(3, key.document().collection());
            statement.setString(4, key.document().id().toString());
        }
    }
}
