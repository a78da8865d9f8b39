package io.offlinestore.sync.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.Conflict;
import io.offlinestore.sync.ConflictStrategy;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.InvalidOperationException;
import io.offlinestore.sync.SyncEngine;
import io.offlinestore.sync.SyncResult;
import io.offlinestore.sync.SyncStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link RunController} of a {@link SyncEngine}: a run is {@link SyncEngine#synchronize()},
 * automatic runs are {@link SyncEngine#start(Duration)} (following the engine's connectivity
 * monitor, if its options have one), and seed 001's strategy names switch the engine's
 * {@link ConflictStrategy}: {@code local_wins} is {@link ConflictStrategy#CLIENT_WINS},
 * {@code remote_wins} {@link ConflictStrategy#SERVER_WINS}, {@code merge} and {@code manual} the same.
 */
public final class SyncRunController implements RunController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ConflictStrategy> BY_SEED_NAME = Map.of(
            "local_wins", ConflictStrategy.CLIENT_WINS, "remote_wins", ConflictStrategy.SERVER_WINS,
            "merge", ConflictStrategy.MERGE, "manual", ConflictStrategy.MANUAL);
    private static final Map<ConflictStrategy, String> SEED_NAMES = BY_SEED_NAME.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

    private final SyncEngine engine;
    private final List<String> collections;
    private final ConnectivityMonitor monitor;
    private volatile Duration interval;

    /** A controller of the engine, reporting this monitor's connectivity. */
    public SyncRunController(SyncEngine engine, ConnectivityMonitor monitor) {
        this.engine = engine;
        this.collections = engine.options().collections();
        this.monitor = monitor;
    }

    @Override
    public ObjectNode runNow() {
        SyncResult result = engine.synchronize();
        ObjectNode json = JSON.createObjectNode();
        json.put("pushed", result.pushed());
        json.put("pulled", result.pulled());
        json.put("synced", result.synced());
        json.put("conflicts", result.conflicts());
        json.put("ok", result.ok());
        ArrayNode errors = json.putArray("errors");
        result.errors().forEach(errors::add);
        return json;
    }

    @Override
    public ObjectNode status() {
        SyncStatus status = engine.status();
        ObjectNode json = JSON.createObjectNode();
        json.put("auto", engine.isRunning());
        if (interval != null && engine.isRunning()) {
            json.put("interval_seconds", interval.toSeconds());
        }
        json.put("state", status.state().name().toLowerCase(Locale.ROOT));
        json.put("online", monitor.isOnline());
        json.put("last_sync", status.lastSync() == null ? null : status.lastSync().toString());
        json.put("pending", status.pending());
        json.put("conflicts", status.conflicts());
        json.put("last_error", status.lastError());
        Map<String, String> strategies = collections.stream()
                .collect(Collectors.toMap(Function.identity(), c -> SEED_NAMES.get(engine.conflictStrategy(c))));
        json.put("conflict_strategy", strategies.values().stream().distinct().count() == 1
                ? strategies.values().iterator().next() : null);
        ObjectNode perCollection = json.putObject("conflict_strategies");
        collections.forEach(c -> perCollection.put(c, strategies.get(c)));
        ArrayNode stored = json.putArray("stored_conflicts");
        for (Conflict conflict : engine.conflicts()) {
            stored.addObject().put("id", conflict.id()).put("kind", conflict.kind().name().toLowerCase(Locale.ROOT))
                    .put("collection", conflict.collection()).put("document_id", String.valueOf(conflict.documentId()))
                    .put("detected_at", conflict.detectedAt().toString());
        }
        return json;
    }

    @Override
    public void startAuto(Duration every) {
        engine.start(every);
        this.interval = every;
    }

    @Override
    public void stopAuto() {
        engine.stop();
    }

    @Override
    public void conflictStrategy(String name) {
        String normalized = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        ConflictStrategy strategy = BY_SEED_NAME.get(normalized);
        if (strategy == null) {
            throw new InvalidOperationException("unknown conflict strategy '" + name + "': use one of "
                    + QueueRunController.STRATEGIES);
        }
        engine.conflictStrategy(strategy);
    }
}
