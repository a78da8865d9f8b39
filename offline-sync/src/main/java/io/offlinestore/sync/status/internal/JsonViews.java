package io.offlinestore.sync.status.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.ConnectivityStatus;
import io.offlinestore.sync.Operation;
import io.offlinestore.sync.QueueStats;
import java.util.Locale;
import java.util.Map;

/** The JSON bodies of the status API, in seed 001's snake_case. */
final class JsonViews {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonViews() {
    }

    static ObjectNode operation(Operation operation) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", operation.id());
        json.put("operation_type", operation.type());
        json.put("status", operation.status().name().toLowerCase(Locale.ROOT));
        json.put("priority", operation.priority());
        json.put("key", operation.key().orElse(null));
        json.put("retry_count", operation.attempts());
        json.put("max_attempts", operation.maxAttempts().orElse(null));
        json.put("created_at", operation.createdAt().map(Object::toString).orElse(null));
        json.put("updated_at", operation.updatedAt().map(Object::toString).orElse(null));
        json.put("next_attempt_at", operation.nextAttemptAt().map(Object::toString).orElse(null));
        json.put("expires_at", operation.expiresAt().map(Object::toString).orElse(null));
        json.put("error_message", operation.lastError().orElse(null));
        json.putPOJO("depends_on", operation.dependsOn());
        json.put("description", operation.describe());
        json.set("payload", operation.payload().toJsonNode());
        return json;
    }

    static ObjectNode stats(QueueStats stats) {
        ObjectNode json = JSON.createObjectNode();
        for (Map.Entry<Operation.Status, Long> count : stats.counts().entrySet()) {
            json.put(count.getKey().name().toLowerCase(Locale.ROOT), count.getValue());
        }
        json.put("total", stats.total());
        json.put("oldest_pending_age_seconds", stats.oldestPendingAge().map(age -> age.toSeconds()).orElse(null));
        json.put("payload_bytes", stats.payloadBytes());
        json.put("blocked", stats.blocked());
        json.set("pending_without_handler", JSON.valueToTree(stats.pendingWithoutHandler()));
        return json;
    }

    static ObjectNode connectivity(ConnectivityStatus status) {
        ObjectNode json = JSON.createObjectNode();
        json.put("status", status.state().name().toLowerCase(Locale.ROOT));
        json.put("online", status.isOnline());
        json.put("since", status.since().toString());
        json.put("last_check", status.lastCheck().map(Object::toString).orElse(null));
        json.put("last_latency_ms", status.lastLatency().map(latency -> latency.toMillis()).orElse(null));
        json.put("consecutive_failures", status.consecutiveFailures());
        return json;
    }

    static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }
}
