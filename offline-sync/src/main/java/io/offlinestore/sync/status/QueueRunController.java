package io.offlinestore.sync.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.InvalidOperationException;
import io.offlinestore.sync.OfflineStatus;
import io.offlinestore.sync.OperationQueue;
import io.offlinestore.sync.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The {@link RunController} of an {@link OperationQueue}: a run is {@link OperationQueue#runNow()},
 * automatic runs are {@link OperationQueue#start}. The queue has no conflicts of its own; the
 * strategy is kept and reported for the handlers (and document sync) that consult it.
 */
public final class QueueRunController implements RunController {
    /** The strategies seed 001 names. */
    public static final List<String> STRATEGIES = List.of("local_wins", "remote_wins", "merge", "manual");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OperationQueue queue;
    private final ConnectivityMonitor monitor;
    private volatile String strategy = "local_wins";
    private volatile Duration interval;

    public QueueRunController(OperationQueue queue, ConnectivityMonitor monitor) {
        this.queue = queue;
        this.monitor = monitor;
    }

    @Override
    public ObjectNode runNow() {
        RunResult result = queue.runNow();
        ObjectNode json = JSON.createObjectNode();
        json.put("succeeded", result.succeeded());
        json.put("retried", result.retried());
        json.put("failed", result.failed());
        json.put("expired", result.expired());
        ArrayNode errors = json.putArray("errors");
        for (RunResult.Error error : result.errors()) {
            errors.addObject().put("id", error.operationId()).put("error", error.message()).put("will_retry", error.willRetry());
        }
        return json;
    }

    @Override
    public ObjectNode status() {
        OfflineStatus status = OfflineStatus.of(queue, monitor);
        ObjectNode json = JSON.createObjectNode();
        json.put("auto", queue.isRunning());
        if (interval != null && queue.isRunning()) {
            json.put("interval_seconds", interval.toSeconds());
        }
        json.put("online", status.online());
        json.put("pending", status.pendingCount());
        json.put("failed", status.failedCount());
        json.put("last_success", status.lastSuccessfulRun().map(Object::toString).orElse(null));
        json.put("next_attempt", status.nextAttempt().map(Object::toString).orElse(null));
        json.put("conflict_strategy", strategy);
        ArrayNode descriptions = json.putArray("pending_operations");
        status.pendingDescriptions().forEach(descriptions::add);
        return json;
    }

    @Override
    public void startAuto(Duration every) {
        queue.start(every);
        this.interval = every;
    }

    @Override
    public void stopAuto() {
        queue.stop();
    }

    @Override
    public void conflictStrategy(String name) {
        String normalized = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!STRATEGIES.contains(normalized)) {
            throw new InvalidOperationException("unknown conflict strategy '" + name + "': use one of " + STRATEGIES);
        }
        this.strategy = normalized;
    }

    /** The current conflict strategy. */
    public String conflictStrategy() {
        return strategy;
    }
}
