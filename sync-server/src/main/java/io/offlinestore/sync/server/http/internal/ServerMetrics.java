package io.offlinestore.sync.server.http.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.sync.protocol.MutationResult;
import io.offlinestore.sync.protocol.PushResponse;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The instance's counters, served as a flat JSON document by {@code GET /metrics}. */
public final class ServerMetrics {
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    /** Adds to a counter. */
    public void add(String name, long amount) {
        counters.computeIfAbsent(name, n -> new LongAdder()).add(amount);
    }

    /** Counts a push's outcomes: {@code push.mutations.applied}, {@code .conflict}, ... */
    public void count(PushResponse response) {
        for (MutationResult result : response.results()) {
            add("push.mutations." + result.outcome().name().toLowerCase(Locale.ROOT), 1);
        }
    }

    /** The counters, by name, with the requests in flight. */
    public ObjectNode snapshot(int inFlight) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        Map<String, Long> sorted = new TreeMap<>();
        counters.forEach((name, value) -> sorted.put(name, value.sum()));
        sorted.forEach(json::put);
        json.put("requests.in_flight", inFlight);
        return json;
    }
}
