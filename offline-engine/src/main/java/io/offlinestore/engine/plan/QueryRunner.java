package io.offlinestore.engine.plan;

import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.query.FilterEvaluator;
import io.offlinestore.engine.query.SortOrder;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns a plan's scan into a query's results: checks what the plan says to recheck on each
 * document, then either pages the scan directly (when it yields the requested order, stopping at offset + limit) or sorts
 * in memory, keeping only the best offset + limit documents when there is a limit.
 */
final class QueryRunner {
    private QueryRunner() {
    }

    static Stream<StoredRecord> run(Query query, QueryPlan plan, PlanExecutor executor, String documentsKeyspace,
                                    String keyPath) {
        RecordCursor cursor = plan.ordered() && query.limit().isPresent()
                ? executor.scan(plan, documentsKeyspace, (int) Math.min(Integer.MAX_VALUE, (long) query.offset() + query.limit().getAsInt()))
                : executor.scan(plan, documentsKeyspace);
        Filter recheck = plan.recheck();
        Stream<StoredRecord> matching = StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(cursor::close)
                .filter(record -> FilterEvaluator.matches(recheck, record.body()));
        if (plan.ordered()) {
            Stream<StoredRecord> paged = matching.skip(query.offset());
            return query.limit().isPresent() ? paged.limit(query.limit().getAsInt()) : paged;
        }
        Comparator<StoredRecord> order = Comparator.comparing(StoredRecord::body, SortOrder.comparator(query.sort(), keyPath));
        List<StoredRecord> sorted;
        try (matching) {
            sorted = query.limit().isPresent()
                    ? best(matching, order, (long) query.offset() + query.limit().getAsInt())
                    : new ArrayList<>(matching.toList());
        }
        sorted.sort(order);
        Stream<StoredRecord> paged = sorted.stream().skip(query.offset());
        return query.limit().isPresent() ? paged.limit(query.limit().getAsInt()) : paged;
    }

    /** The first {@code n} records in {@code order}, holding at most n in memory. */
    private static List<StoredRecord> best(Stream<StoredRecord> records, Comparator<StoredRecord> order, long n) {
        if (n == 0) {
            return new ArrayList<>();
        }
        PriorityQueue<StoredRecord> worstFirst = new PriorityQueue<>(order.reversed());
        records.forEach(record -> {
            if (worstFirst.size() < n) {
                worstFirst.add(record);
            } else if (order.compare(record, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(record);
            }
        });
        return new ArrayList<>(worstFirst);
    }
}
