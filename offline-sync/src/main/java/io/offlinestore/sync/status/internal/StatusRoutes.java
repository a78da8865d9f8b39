package io.offlinestore.sync.status.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.offlinestore.InvalidDocumentException;
import io.offlinestore.OfflineStoreException;
import io.offlinestore.TransactionConflictException;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.InvalidOperationException;
import io.offlinestore.sync.Operation;
import io.offlinestore.sync.OperationQueue;
import io.offlinestore.sync.OperationStateException;
import io.offlinestore.sync.QueueFullException;
import io.offlinestore.sync.UnknownOperationException;
import io.offlinestore.sync.status.RunController;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Seed 001's endpoints over a queue, a monitor and a run controller, plus the status page. */
public final class StatusRoutes {
    /** The prefix of every API path. */
    public static final String API = "/api/offline";
    private static final Logger LOG = LoggerFactory.getLogger(StatusRoutes.class);
    private static final String PAGE = "/io/offlinestore/sync/status/status-page.html";

    private final OperationQueue queue;
    private final ConnectivityMonitor monitor;
    private final RunController runs;
    private final String bearerToken;
    private final String page;

    public StatusRoutes(OperationQueue queue, ConnectivityMonitor monitor, RunController runs, String bearerToken) {
        this.queue = queue;
        this.monitor = monitor;
        this.runs = runs;
        this.bearerToken = bearerToken;
        this.page = loadPage();
    }

    private static String loadPage() {
        try (InputStream in = StatusRoutes.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("the status page " + PAGE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the status page", e);
        }
    }

    /** Registers the routes and error mappings on a Javalin configuration. */
    public void register(JavalinConfig config) {
        var routes = config.routes;
        routes.beforeMatched(API + "/*", this::authorize);
        routes.get("/", ctx -> ctx.html(page));
        routes.get(API + "/network-status", ctx -> json(ctx, 200, JsonViews.connectivity(monitor.status())));
        routes.post(API + "/check-connectivity", ctx -> json(ctx, 200, JsonViews.connectivity(monitor.checkNow())));
        routes.get(API + "/queue/stats", ctx -> json(ctx, 200, JsonViews.stats(queue.stats())));
        routes.post(API + "/queue/clear-completed", this::clearCompleted);
        routes.post(API + "/queue", this::enqueue);
        routes.get(API + "/queue", this::list);
        routes.get(API + "/queue/{id}", ctx -> json(ctx, 200, JsonViews.operation(queue.get(ctx.pathParam("id")))));
        routes.delete(API + "/queue/{id}", ctx -> {
            queue.delete(ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.post(API + "/queue/{id}/retry", ctx -> json(ctx, 200, JsonViews.operation(queue.retry(ctx.pathParam("id")))));
        routes.post(API + "/queue/{id}/cancel", ctx -> json(ctx, 200, JsonViews.operation(queue.cancel(ctx.pathParam("id")))));
        routes.post(API + "/sync", ctx -> json(ctx, 200, runs.runNow()));
        routes.get(API + "/sync/status", ctx -> json(ctx, 200, runs.status()));
        routes.post(API + "/sync/start-auto", this::startAuto);
        routes.post(API + "/sync/stop-auto", ctx -> {
            runs.stopAuto();
            json(ctx, 200, runs.status());
        });
        routes.post(API + "/sync/conflict-strategy", ctx -> {
            runs.conflictStrategy(text(body(ctx), "strategy", true));
            json(ctx, 200, runs.status());
        });
        routes.exception(UnknownOperationException.class, (e, ctx) -> json(ctx, 404, JsonViews.error(e.getMessage())));
        routes.exception(OperationStateException.class, (e, ctx) -> json(ctx, 409, JsonViews.error(e.getMessage())));
        routes.exception(QueueFullException.class, (e, ctx) -> json(ctx, 507, JsonViews.error(e.getMessage())));
        routes.exception(InvalidOperationException.class, (e, ctx) -> json(ctx, 400, JsonViews.error(e.getMessage())));
        routes.exception(InvalidDocumentException.class, (e, ctx) -> json(ctx, 400, JsonViews.error(e.getMessage())));
        routes.exception(TransactionConflictException.class, (e, ctx) -> json(ctx, 409, JsonViews.error(e.getMessage())));
        routes.exception(OfflineStoreException.class, (e, ctx) -> {
            LOG.warn("status API request {} {} failed in the store", ctx.method(), ctx.path(), e);
            json(ctx, 503, JsonViews.error("the store could not serve the request: " + e.getMessage()));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("status API request {} {} failed", ctx.method(), ctx.path(), e);
            json(ctx, 500, JsonViews.error("internal error: " + e.getClass().getSimpleName()));
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                json(ctx, 404, JsonViews.error("no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
    }

    private void authorize(Context ctx) {
        if (bearerToken == null) {
            return;
        }
        String header = ctx.header("Authorization");
        byte[] expected = ("Bearer " + bearerToken).getBytes(StandardCharsets.UTF_8);
        if (header == null || !MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            json(ctx, 401, JsonViews.error("missing or wrong bearer token"));
            ctx.skipRemainingHandlers();
        }
    }

    private void enqueue(Context ctx) {
        ObjectNode body = body(ctx);
        Operation.Builder builder = Operation.builder(text(body, "operation_type", true));
        JsonNode payload = body.get("payload");
        if (payload != null && !payload.isNull()) {
            if (!payload.isObject()) {
                throw new InvalidOperationException("'payload' must be a JSON object, got " + payload.getNodeType().toString().toLowerCase(Locale.ROOT));
            }
            builder.payload(payload);
        }
        if (body.has("priority")) {
            builder.priority(integer(body, "priority"));
        }
        if (body.hasNonNull("key")) {
            builder.key(text(body, "key", true));
        }
        if (body.has("max_attempts")) {
            builder.maxAttempts(integer(body, "max_attempts"));
        }
        if (body.has("expires_after_seconds")) {
            builder.expiresAfter(Duration.ofSeconds(integer(body, "expires_after_seconds")));
        }
        JsonNode dependsOn = body.get("depends_on");
        if (dependsOn != null && !dependsOn.isNull()) {
            if (!dependsOn.isArray()) {
                throw new InvalidOperationException("'depends_on' must be an array of operation ids");
            }
            for (JsonNode id : dependsOn) {
                if (!id.isTextual()) {
                    throw new InvalidOperationException("'depends_on' must hold operation ids (strings), got " + id);
                }
                builder.dependsOn(id.textValue());
            }
        }
        String id = queue.enqueue(builder.build());
        json(ctx, 201, JsonViews.operation(queue.get(id)));
    }

    private void list(Context ctx) {
        String statusParam = ctx.queryParam("status");
        Operation.Status status;
        try {
            status = statusParam == null ? Operation.Status.PENDING : Operation.Status.valueOf(statusParam.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidOperationException("unknown status '" + statusParam + "': use pending, in_progress, completed, failed, cancelled or expired");
        }
        int limit = intParam(ctx, "limit", 100);
        ObjectNode json = JsonViews.JSON.createObjectNode();
        ArrayNode operations = json.putArray("operations");
        queue.list(status, limit).forEach(operation -> operations.add(JsonViews.operation(operation)));
        json(ctx, 200, json);
    }

    private void clearCompleted(Context ctx) {
        String olderThan = ctx.queryParam("older_than_seconds");
        int cleared = olderThan == null ? queue.clearCompleted()
                : queue.clearCompleted(Duration.ofSeconds(intParam(ctx, "older_than_seconds", 0)));
        json(ctx, 200, JsonViews.JSON.createObjectNode().put("cleared", cleared));
    }

    private void startAuto(Context ctx) {
        ObjectNode body = ctx.body().isBlank() ? JsonViews.JSON.createObjectNode() : body(ctx);
        int seconds = body.has("interval_seconds") ? integer(body, "interval_seconds") : 30;
        if (seconds < 1) {
            throw new InvalidOperationException("'interval_seconds' must be at least 1, got " + seconds);
        }
        runs.startAuto(Duration.ofSeconds(seconds));
        json(ctx, 200, runs.status());
    }

    private static ObjectNode body(Context ctx) {
        JsonNode node;
        try {
            node = JsonViews.JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new InvalidOperationException("request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidOperationException("request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    private static String text(ObjectNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidOperationException("'" + field + "' is required");
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new InvalidOperationException("'" + field + "' must be a non-blank string, got " + value);
        }
        return value.textValue();
    }

    private static int integer(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidOperationException("'" + field + "' must be an integer, got " + value);
        }
        return value.intValue();
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidOperationException("query parameter '" + name + "' must be a non-negative integer, got '" + value + "'");
        }
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }
}
