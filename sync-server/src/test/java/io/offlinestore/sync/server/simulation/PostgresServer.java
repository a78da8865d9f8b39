package io.offlinestore.sync.server.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.SyncTransport;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.server.ServerDocument;
import io.offlinestore.sync.server.TestPostgres;
import io.offlinestore.sync.server.http.ServerLimits;
import io.offlinestore.sync.server.http.SyncHttpServer;
import io.offlinestore.sync.server.postgres.Accounts;
import io.offlinestore.sync.server.postgres.PostgresSyncStorage;
import io.offlinestore.sync.server.postgres.ServerDatabase;
import io.offlinestore.sync.simulator.SimulatedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The real server for the simulator: a {@link SyncHttpServer} over loopback on a fresh PostgreSQL
 * database, all clients one user. A trigger copies every write of {@code sync_document} into a
 * test-only {@code sim_history} table, which is the history the invariants check. Purging is the
 * server's own business (on its real clock), so {@link #purge()} does nothing here.
 */
final class PostgresServer implements SimulatedServer, AutoCloseable {
    private static final ServerLimits UNLIMITED = new ServerLimits(16L << 20, 10_000, 1_000_000, 1_000_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerDatabase database = TestPostgres.freshDatabase();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String token;
    private SyncHttpServer server;

    PostgresServer() {
        execute("create table sim_history (n bigserial primary key, collection text, doc_id text, version bigint,"
                + " sequence bigint, deleted boolean, body jsonb, written_client text, written_sequence bigint,"
                + " updated_at timestamptz)");
        execute("create function sim_record() returns trigger language plpgsql as $$ begin"
                + " insert into sim_history (collection, doc_id, version, sequence, deleted, body, written_client,"
                + " written_sequence, updated_at) values (new.collection, new.doc_id, new.version, new.sequence,"
                + " new.deleted, new.body, new.written_client, new.written_sequence, new.updated_at);"
                + " return new; end $$");
        execute("create trigger sim_record after insert or update on sync_document for each row"
                + " execute function sim_record()");
        token = new Accounts(database.dataSource()).createToken("sim");
        server = start();
    }

    private SyncHttpServer start() {
        return SyncHttpServer.builder(database.dataSource()).limits(UNLIMITED).start();
    }

    @Override
    public SyncTransport wire() {
        return new HttpWire(client, server.uri(), token);
    }

    @Override
    public void restart() {
        server.close();
        server = start();
    }

    @Override
    public void purge() {
    }

    @Override
    public List<ServerDocument> history() {
        List<ServerDocument> history = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from sim_history order by n")) {
            while (rows.next()) {
                DocumentRef ref = new DocumentRef(rows.getString("collection"), JSON.readTree(rows.getString("doc_id")));
                String body = rows.getString("body");
                history.add(new ServerDocument(ref, rows.getLong("version"), rows.getLong("sequence"),
                        rows.getBoolean("deleted"), body == null ? null : (ObjectNode) JSON.readTree(body),
                        new MutationKey(rows.getString("written_client"), rows.getLong("written_sequence"), ref),
                        rows.getTimestamp("updated_at").toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return history;
    }

    @Override
    public List<ServerDocument> live(String collection) {
        return PostgresSyncStorage.unscoped(database.dataSource(), "").changedAfter(collection, 0, Integer.MAX_VALUE)
                .stream().filter(doc -> !doc.deleted()).toList();
    }

    private void execute(String sql) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
