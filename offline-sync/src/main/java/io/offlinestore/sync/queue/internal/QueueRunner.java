package io.offlinestore.sync.queue.internal;

import io.offlinestore.Subscription;
import io.offlinestore.sync.ConnectivityMonitor;
import io.offlinestore.sync.InvalidOperationException;
import io.offlinestore.sync.Operation;
import io.offlinestore.sync.Operation.Status;
import io.offlinestore.sync.OperationHandler;
import io.offlinestore.sync.Outcome;
import io.offlinestore.sync.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a queue's operations with their handlers: one run at a time, in rounds planned by
 * {@link RunPlan}, on demand, periodically, or when an attached monitor comes back online.
 */
final class QueueRunner {
    private static final Logger LOG = LoggerFactory.getLogger(QueueRunner.class);

    private final OperationRecords records;
    private final int parallelism;
    private final Map<String, OperationHandler> handlers = new ConcurrentHashMap<>();
    private final Object runLock = new Object();
    private volatile ConnectivityMonitor monitor;
    private volatile Instant lastSuccessAt;
    private Subscription monitorSubscription;
    private ScheduledExecutorService scheduler;
    private boolean running;

    QueueRunner(OperationRecords records, int parallelism) {
        this.records = records;
        this.parallelism = parallelism;
    }

    void registerHandler(String type, OperationHandler handler) {
        if (type == null || type.isBlank()) {
            throw new InvalidOperationException("handler type must not be blank");
        }
        handlers.put(type, Objects.requireNonNull(handler, "handler"));
    }

    boolean hasHandler(String type) {
        return handlers.containsKey(type);
    }

    Optional<Instant> lastSuccessAt() {
        return Optional.ofNullable(lastSuccessAt);
    }

    RunResult runNow() {
        synchronized (runLock) {
            ConnectivityMonitor current = monitor;
            if (current != null && !current.isOnline()) {
                return RunResult.empty();
            }
            records.releaseLeases(false);
            Tally tally = new Tally();
            Set<String> attempted = new HashSet<>();
            while (true) {
                RunPlan plan = RunPlan.of(records.active(), records.now(), records::statusOf,
                        operation -> handlers.containsKey(operation.type()) && !attempted.contains(operation.id()));
                if (plan.isEmpty()) {
                    return tally.result();
                }
                for (Operation expired : plan.expired()) {
                    if (records.finish(expired, Status.EXPIRED, "expired at " + expired.expiresAt().orElseThrow())) {
                        tally.expired++;
                    }
                }
                plan.brokenDependencies().forEach((operation, reason) -> {
                    if (records.finish(operation, Status.FAILED, "dependency " + reason)) {
                        tally.add(new Attempt(operation.id(), Outcome.Kind.FAIL, "dependency " + reason));
                    }
                });
                plan.ready().forEach(operation -> attempted.add(operation.id()));
                attemptAll(plan.ready(), tally);
            }
        }
    }

    private void attemptAll(List<Operation> ready, Tally tally) {
        if (parallelism == 1 || ready.size() <= 1) {
            ready.forEach(operation -> tally.add(attempt(operation)));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, ready.size()));
        try {
            List<Future<Attempt>> futures = new ArrayList<>();
            for (Operation operation : ready) {
                futures.add(pool.submit(() -> attempt(operation)));
            }
            for (Future<Attempt> future : futures) {
                tally.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("an attempt failed unexpectedly", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Leases the operation, runs its handler and records the outcome. */
    private Attempt attempt(Operation operation) {
        Optional<Operation> leased = records.lease(operation.id());
        if (leased.isEmpty()) {
            return Attempt.SKIPPED;
        }
        Operation running = leased.get();
        Outcome outcome;
        try {
            outcome = handlers.get(running.type()).handle(running);
            if (outcome == null) {
                outcome = Outcome.retry("handler returned no outcome");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.retry("interrupted");
        } catch (Exception e) {
            outcome = Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Attempt attempt = records.record(running, outcome);
        if (attempt == Attempt.SKIPPED) {
            LOG.warn("operation {} changed while its attempt {} ran (lease lost); its outcome {} is dropped",
                    running.id(), running.attempts(), outcome);
        }
        return attempt;
    }

    synchronized void attach(ConnectivityMonitor connectivity) {
        Objects.requireNonNull(connectivity, "monitor");
        if (monitorSubscription != null) {
            monitorSubscription.close();
        }
        monitor = connectivity;
        monitorSubscription = connectivity.addListener((previous, current) -> {
            if (current.isOnline()) {
                records.resetBackoff();
                runInBackground();
            }
        });
    }

    private synchronized void runInBackground() {
        executor().execute(this::runLogged);
    }

    private void runLogged() {
        try {
            RunResult result = runNow();
            if (result.attempted() > 0) {
                LOG.debug("queue run: {}", result);
            }
        } catch (RuntimeException e) {
            LOG.warn("queue run failed", e);
        }
    }

    private ScheduledExecutorService executor() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "offline-queue-runner");
                thread.setDaemon(true);
                return thread;
            });
        }
        return scheduler;
    }

    synchronized void start(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new InvalidOperationException("run interval must be a positive duration, got " + interval);
        }
        stop();
        executor().scheduleWithFixedDelay(this::runLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(1, TimeUnit.MINUTES)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                scheduler.shutdownNow();
            }
            scheduler = null;
        }
        running = false;
    }

    synchronized boolean isRunning() {
        return running;
    }

    synchronized void close() {
        stop();
        if (monitorSubscription != null) {
            monitorSubscription.close();
            monitorSubscription = null;
        }
    }

    /** Counts a run's attempts. */
    private final class Tally {
        int succeeded;
        int retried;
        int failed;
        int expired;
        final List<RunResult.Error> errors = new ArrayList<>();

        void add(Attempt attempt) {
            if (attempt.kind() == null) {
                return;
            }
            switch (attempt.kind()) {
                case SUCCESS -> {
                    succeeded++;
                    lastSuccessAt = records.now();
                }
                case RETRY -> {
                    retried++;
                    errors.add(new RunResult.Error(attempt.operationId(), attempt.message(), true));
                }
                case FAIL -> {
                    failed++;
                    errors.add(new RunResult.Error(attempt.operationId(), attempt.message(), false));
                }
            }
        }

        RunResult result() {
            return new RunResult(succeeded, retried, failed, expired, errors);
        }
    }
}
