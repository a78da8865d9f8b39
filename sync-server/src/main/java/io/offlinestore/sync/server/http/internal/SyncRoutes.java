package io.offlinestore.sync.server.http.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.offlinestore.OfflineStoreException;
import io.offlinestore.sync.protocol.DocumentRef;
import io.offlinestore.sync.protocol.Mutation;
import io.offlinestore.sync.protocol.MutationKey;
import io.offlinestore.sync.protocol.ProtocolCodec;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PushBatch;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.PushResponse;
import io.offlinestore.sync.protocol.SyncProtocolException;
import io.offlinestore.sync.server.SyncServer;
import io.offlinestore.sync.server.http.ServerLimits;
import io.offlinestore.sync.server.postgres.Accounts;
import io.offlinestore.sync.server.postgres.PostgresSyncStorage;
import io.offlinestore.sync.server.postgres.ScopeViolationException;
import io.offlinestore.sync.server.postgres.StorageUnavailableException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's endpoints: {@code POST /sync/v1/push} and {@code /sync/v1/pull} (bearer token,
 * per-token rate limit, size limits, the caller's scopes), {@code GET /health} and
 * {@code GET /metrics}. Bad input is answered 400/413 before anything is applied; an unknown
 * token 401; a database that cannot be reached 503.
 */
public final class SyncRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRoutes.class);
    private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final String PUSH = "/sync/v1/push";
    private static final String PULL = "/sync/v1/pull";
    private static final String USER = "sync.user";

    private final DataSource dataSource;
    private final Accounts accounts;
    private final ServerLimits limits;
    private final Set<String> collections;
    private final RateLimiter rateLimiter;
    private final RequestBodies bodies;
    private final ServerMetrics metrics = new ServerMetrics();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    /**
     * Routes over the database.
     *
     * @param collections the collections clients may sync; empty for any
     */
    public SyncRoutes(DataSource dataSource, ServerLimits limits, Set<String> collections) {
        this.dataSource = dataSource;
        this.accounts = new Accounts(dataSource);
        this.limits = limits;
        this.collections = Set.copyOf(collections);
        this.rateLimiter = new RateLimiter(limits.requestsPerSecond(), limits.burst());
        this.bodies = new RequestBodies(limits.maxRequestBytes());
    }

    /** Registers the routes and error mapping on a Javalin configuration. */
    public void register(JavalinConfig config) {
        var routes = config.routes;
        routes.beforeMatched("/sync/*", this::admit);
        routes.post(PUSH, ctx -> tracked(ctx, this::push));
        routes.post(PULL, ctx -> tracked(ctx, this::pull));
        routes.get("/health", this::health);
        routes.get("/metrics", ctx -> json(ctx, 200, metrics.snapshot(inFlight.get()).toString()));
        routes.exception(HttpProblem.class, (e, ctx) -> problem(ctx, e.status(), e.getMessage()));
        routes.exception(SyncProtocolException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
        routes.exception(StorageUnavailableException.class, (e, ctx) -> unavailable(ctx, e));
        routes.exception(ScopeViolationException.class, (e, ctx) -> unavailable(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), e.getMessage()));
        routes.exception(OfflineStoreException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "internal error: " + e.getClass().getSimpleName());
        });
    }

    /** Refuses new sync requests (503) from now on; requests already admitted finish. */
    public void drain() {
        draining.set(true);
    }

    /** Sync requests admitted and not yet answered. */
    public int inFlight() {
        return inFlight.get();
    }

    private void tracked(Context ctx, Handler handler) throws Exception {
        inFlight.incrementAndGet();
        try {
            handler.handle(ctx);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void admit(Context ctx) {
        metrics.add("requests", 1);
        if (draining.get()) {
            ctx.header("Retry-After", "1");
            throw new HttpProblem(503, "the server is shutting down");
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : null;
        if (token == null || token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new HttpProblem(401, "missing bearer token (Authorization: Bearer TOKEN)");
        }
        Optional<String> user = accounts.authenticate(token);
        if (user.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new HttpProblem(401, "unknown or revoked token");
        }
        if (!rateLimiter.tryAcquire(token)) {
            ctx.header("Retry-After", "1");
            throw new HttpProblem(429, "more than " + limits.requestsPerSecond() + " requests a second for this token");
        }
        ctx.attribute(USER, user.get());
    }

    private void push(Context ctx) {
        PushRequest request = bodies.read(ctx, PushRequest.class);
        List<DocumentRef> documents = new ArrayList<>();
        List<MutationKey> keys = new ArrayList<>();
        for (PushBatch batch : request.batches()) {
            for (Mutation mutation : batch.mutations()) {
                documents.add(mutation.document());
                keys.add(mutation.key());
            }
        }
        if (documents.size() > limits.maxMutationsPerRequest()) {
            throw new HttpProblem(413, "push carries " + documents.size() + " mutations, more than the limit of "
                    + limits.maxMutationsPerRequest());
        }
        documents.forEach(doc -> checkCollection(doc.collection()));
        PostgresSyncStorage storage = storageOf(ctx);
        Set<DocumentRef> outside = storage.outsideScopes(documents);
        SyncServer server = SyncServer.builder(storage.prefetching(keys))
                .validator(mutation -> outside.contains(mutation.document())
                        ? Optional.of(mutation.document() + " is outside the scopes of this account")
                        : Optional.empty())
                .build();
        PushResponse response = server.push(request);
        metrics.add("push.requests", 1);
        metrics.count(response);
        json(ctx, 200, ProtocolCodec.write(response));
    }

    private void pull(Context ctx) {
        PullRequest request = bodies.read(ctx, PullRequest.class);
        checkCollection(request.scope().collection());
        PullResponse response = SyncServer.builder(storageOf(ctx)).build().pull(request);
        metrics.add("pull.requests", 1);
        metrics.add("pull.documents", response.documents() == null ? 0 : response.documents().size());
        json(ctx, 200, ProtocolCodec.write(response));
    }

    private PostgresSyncStorage storageOf(Context ctx) {
        String scope = Accounts.scopeOf(ctx.attribute(USER));
        return PostgresSyncStorage.scoped(dataSource, Set.of(scope), scope);
    }

    private void checkCollection(String collection) {
        if (!COLLECTION.matcher(collection).matches()) {
            throw new HttpProblem(400, "collection name '" + collection + "' is not 1 to 128 letters, digits, _ . -");
        }
        if (!collections.isEmpty() && !collections.contains(collection)) {
            throw new HttpProblem(400, "unknown collection '" + collection + "': this server syncs " + collections);
        }
    }

    private void health(Context ctx) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        boolean up;
        try (Connection connection = dataSource.getConnection()) {
            up = connection.isValid(2);
        } catch (SQLException e) {
            up = false;
        }
        body.put("status", up && !draining.get() ? "up" : "down");
        body.put("database", up ? "up" : "down");
        body.put("draining", draining.get());
        json(ctx, up && !draining.get() ? 200 : 503, body.toString());
    }

    private void unavailable(Context ctx, RuntimeException e) {
        LOG.warn("{} {} answered 503: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.header("Retry-After", "1");
        problem(ctx, 503, e.getMessage());
    }

    private void problem(Context ctx, int status, String message) {
        metrics.add("responses." + status, 1);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", message);
        body.put("status", status);
        json(ctx, status, body.toString());
    }

    private static void json(Context ctx, int status, String body) {
        json(ctx, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType("application/json").result(body);
    }
}
