package io.offlinestore.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.Document;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One unit of work in the {@link OperationQueue}: a type (which picks the handler), a JSON
 * payload, and how to schedule it. Immutable: a value built with {@link #builder} before it is
 * queued, or a snapshot read from the queue with its status and attempts.
 *
 * <p>Scheduling: operations with the same {@link #key() key} run one at a time in enqueue order
 * (a lane); across lanes the higher {@link #priority() priority} runs first, then the older. An
 * operation waits for every operation it {@link #dependsOn() depends on} to complete.
 */
public final class Operation {
    /** The lowest priority an operation may have. */
    public static final int MIN_PRIORITY = 0;
    /** The highest priority an operation may have. */
    public static final int MAX_PRIORITY = 1000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Where an operation is in its life. */
    public enum Status {
        /** Waiting to run (perhaps until a back-off, a dependency or its lane allows). */
        PENDING,
        /** Leased by a runner; returns to {@code PENDING} if the runner dies. */
        IN_PROGRESS,
        /** Its handler succeeded. */
        COMPLETED,
        /** Retries exhausted or a permanent error: a dead letter kept for inspection and {@code retry}. */
        FAILED,
        /** Cancelled before it completed. */
        CANCELLED,
        /** Its expiry passed before it could complete. */
        EXPIRED;

        /** Whether the operation will not run again unless retried. */
        public boolean isFinal() {
            return this != PENDING && this != IN_PROGRESS;
        }
    }

    private final ObjectNode tree;

    private Operation(ObjectNode tree) {
        this.tree = tree;
    }

    /** A builder for an operation of this type. */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /**
     * The operation a queue document holds (see {@link #toDocument()}).
     *
     * @throws InvalidOperationException if the document is not a queued operation
     */
    public static Operation fromDocument(Document document) {
        ObjectNode tree = document.toJsonNode();
        for (String field : List.of(Fields.ID, Fields.TYPE, Fields.PAYLOAD, Fields.STATUS)) {
            if (!tree.hasNonNull(field)) {
                throw new InvalidOperationException("document " + document.id() + " is not a queued operation: no '"
                        + field + "' field");
            }
        }
        return new Operation(tree);
    }

    /** The stored form of the operation: one document of the queue's collection. */
    public Document toDocument() {
        return Document.of(tree);
    }

    /** The operation's id, stable across attempts and restarts: use it as an idempotency key. */
    public String id() {
        return tree.get(Fields.ID).textValue();
    }

    /** The operation type, which selects its {@link OperationHandler}. */
    public String type() {
        return tree.get(Fields.TYPE).textValue();
    }

    /** The payload. */
    public Document payload() {
        return Document.of(tree.get(Fields.PAYLOAD));
    }

    /** The payload mapped to {@code type} with Jackson. */
    public <T> T payload(Class<T> type) {
        return MAPPER.convertValue(tree.get(Fields.PAYLOAD), type);
    }

    /** The priority: higher runs first across lanes. */
    public int priority() {
        return tree.path(Fields.PRIORITY).asInt(0);
    }

    /** The ordering key: operations sharing it run one at a time in enqueue order. */
    public Optional<String> key() {
        return text(Fields.KEY);
    }

    /** The attempt limit set on this operation; without one the queue's limit applies. */
    public Optional<Integer> maxAttempts() {
        return tree.hasNonNull(Fields.MAX_ATTEMPTS) ? Optional.of(tree.get(Fields.MAX_ATTEMPTS).intValue()) : Optional.empty();
    }

    /** How long after enqueueing the operation expires, as built; queued operations report {@link #expiresAt()}. */
    public Optional<Duration> expiresAfter() {
        return tree.hasNonNull(Fields.EXPIRES_AFTER) ? Optional.of(Duration.ofMillis(tree.get(Fields.EXPIRES_AFTER).longValue()))
                : Optional.empty();
    }

    /** The ids of the operations that must complete before this one runs. */
    public List<String> dependsOn() {
        List<String> ids = new ArrayList<>();
        tree.path(Fields.DEPENDS_ON).forEach(node -> ids.add(node.textValue()));
        return List.copyOf(ids);
    }

    /** The status. */
    public Status status() {
        return Status.valueOf(tree.get(Fields.STATUS).textValue());
    }

    /**
     * How many attempts were started: inside a handler, the number of the current attempt
     * (1 for the first). An attempt cut short by a crash counts.
     */
    public int attempts() {
        return tree.path(Fields.ATTEMPTS).asInt(0);
    }

    /** When it was enqueued; empty before. */
    public Optional<Instant> createdAt() {
        return instant(Fields.CREATED_AT);
    }

    /** When its status last changed; empty before it was enqueued. */
    public Optional<Instant> updatedAt() {
        return instant(Fields.UPDATED_AT);
    }

    /** When it may next run, for a pending operation. */
    public Optional<Instant> nextAttemptAt() {
        return instant(Fields.NEXT_ATTEMPT_AT);
    }

    /** When it expires, if it has an expiry. */
    public Optional<Instant> expiresAt() {
        return instant(Fields.EXPIRES_AT);
    }

    /** Why the last attempt did not succeed (or why it was failed). */
    public Optional<String> lastError() {
        return text(Fields.LAST_ERROR);
    }

    /** The size of the payload in bytes, as UTF-8 JSON. */
    public long payloadBytes() {
        return tree.path(Fields.BYTES).asLong(0);
    }

    /** The enqueue sequence number: the queue's order of arrival. */
    public long sequence() {
        return tree.path(Fields.SEQUENCE).asLong(0);
    }

    /** A short description for people: type, id, key and status. */
    public String describe() {
        return type() + " " + id() + key().map(k -> " [" + k + "]").orElse("") + " " + status()
                + (attempts() > 0 ? " after " + attempts() + (attempts() == 1 ? " attempt" : " attempts") : "")
                + lastError().map(e -> ": " + e).orElse("");
    }

    private Optional<String> text(String field) {
        return tree.hasNonNull(field) ? Optional.of(tree.get(field).textValue()) : Optional.empty();
    }

    private Optional<Instant> instant(String field) {
        return tree.hasNonNull(field) ? Optional.of(Instant.ofEpochMilli(tree.get(field).longValue())) : Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Operation operation && tree.equals(operation.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The field names of an operation's stored document. */
    public static final class Fields {
        public static final String ID = "id";
        public static final String TYPE = "type";
        public static final String PAYLOAD = "payload";
        public static final String PRIORITY = "priority";
        public static final String KEY = "key";
        public static final String MAX_ATTEMPTS = "maxAttempts";
        public static final String EXPIRES_AFTER = "expiresAfterMillis";
        public static final String EXPIRES_AT = "expiresAt";
        public static final String DEPENDS_ON = "dependsOn";
        public static final String STATUS = "status";
        public static final String ATTEMPTS = "attempts";
        public static final String SEQUENCE = "seq";
        public static final String CREATED_AT = "createdAt";
        public static final String UPDATED_AT = "updatedAt";
        public static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
        public static final String LEASE_UNTIL = "leaseUntil";
        public static final String LAST_ERROR = "lastError";
        public static final String BYTES = "bytes";

        private Fields() {
        }
    }

    /** Builds an operation to enqueue; every setter fails fast on a bad value. */
    public static final class Builder {
        private final ObjectNode tree = MAPPER.createObjectNode();

        private Builder(String type) {
            if (type == null || type.isBlank()) {
                throw new InvalidOperationException("operation type must not be blank");
            }
            tree.put(Fields.ID, UUID.randomUUID().toString());
            tree.put(Fields.TYPE, type);
            tree.set(Fields.PAYLOAD, MAPPER.createObjectNode());
            tree.put(Fields.PRIORITY, 0);
        }

        /** The id to use instead of a generated one (an id the caller already holds, for idempotent enqueues). */
        public Builder id(String id) {
            if (id == null || id.isBlank()) {
                throw new InvalidOperationException("operation id must not be blank");
            }
            tree.put(Fields.ID, id);
            return this;
        }

        /** The payload document. */
        public Builder payload(Document payload) {
            if (payload == null) {
                throw new InvalidOperationException("operation payload must not be null");
            }
            tree.set(Fields.PAYLOAD, payload.toJsonNode());
            return this;
        }

        /**
         * The payload as Jackson maps a value (a POJO, a map, a {@link JsonNode}).
         *
         * @throws InvalidOperationException if the value does not map to a JSON object
         */
        public Builder payload(Object value) {
            if (value instanceof Document document) {
                return payload(document);
            }
            JsonNode node;
            try {
                node = MAPPER.valueToTree(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidOperationException("operation payload cannot be mapped to JSON: " + e.getMessage(), e);
            }
            if (node == null || !node.isObject()) {
                throw new InvalidOperationException("operation payload must be a JSON object, got "
                        + (node == null ? "null" : node.getNodeType().toString().toLowerCase()));
            }
            tree.set(Fields.PAYLOAD, node);
            return this;
        }

        /** The priority, from {@link #MIN_PRIORITY} to {@link #MAX_PRIORITY}; higher runs first. */
        public Builder priority(int priority) {
            if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
                throw new InvalidOperationException("operation priority must be between " + MIN_PRIORITY + " and "
                        + MAX_PRIORITY + ", got " + priority);
            }
            tree.put(Fields.PRIORITY, priority);
            return this;
        }

        /** The ordering key (its lane): operations with the same key run one at a time, in enqueue order. */
        public Builder key(String key) {
            if (key == null || key.isBlank()) {
                throw new InvalidOperationException("operation key must not be blank");
            }
            tree.put(Fields.KEY, key);
            return this;
        }

        /** How many attempts to make before the operation fails; overrides the queue's limit. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new InvalidOperationException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            tree.put(Fields.MAX_ATTEMPTS, maxAttempts);
            return this;
        }

        /** The operation expires if it has not completed this long after it is enqueued. */
        public Builder expiresAfter(Duration duration) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new InvalidOperationException("expiresAfter must be a positive duration, got " + duration);
            }
            tree.put(Fields.EXPIRES_AFTER, duration.toMillis());
            return this;
        }

        /** An operation that must complete before this one runs (call again to add more). */
        public Builder dependsOn(String operationId) {
            if (operationId == null || operationId.isBlank()) {
                throw new InvalidOperationException("a dependency id must not be blank");
            }
            ArrayNode ids = tree.has(Fields.DEPENDS_ON) ? (ArrayNode) tree.get(Fields.DEPENDS_ON)
                    : tree.putArray(Fields.DEPENDS_ON);
            ids.add(operationId);
            return this;
        }

        /** The operation, not yet queued: pass it to {@link OperationQueue#enqueue(Operation)}. */
        public Operation build() {
            ObjectNode copy = tree.deepCopy();
            copy.put(Fields.STATUS, Status.PENDING.name());
            copy.put(Fields.ATTEMPTS, 0);
            copy.put(Fields.BYTES, copy.get(Fields.PAYLOAD).toString().getBytes(StandardCharsets.UTF_8).length);
            return new Operation(copy);
        }
    }
}
