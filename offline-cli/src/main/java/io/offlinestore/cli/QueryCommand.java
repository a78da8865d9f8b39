package io.offlinestore.cli;

import io.offlinestore.Document;
import io.offlinestore.DocumentCollection;
import io.offlinestore.query.Query;
import io.offlinestore.query.SortKey;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code offline query COLLECTION [--filter JSON] [--sort FIELD[:asc|desc]]... [--limit N]
 * [--offset N] [--include REL]... [--explain]}: the matching documents as JSON lines in result order and nothing
 * else on standard output, streamed; or, with {@code --explain}, the plan instead.
 */
@Command(name = "query", description = "Write the matching documents as JSON lines, in result order; "
        + "with --explain, print how the query would run instead.")
final class QueryCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CollectionParameter collection;

    @Mixin
    private FilterOption filter;

    @Option(names = "--sort", paramLabel = "FIELD[:asc|desc]", converter = SortKeyConverter.class,
            description = "Sort key; repeat for ties. Default: id order.")
    private List<SortKey> sort;

    @Option(names = "--limit", paramLabel = "N", description = "Return at most N documents.")
    private Integer limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N matching documents.")
    private int offset;

    @Option(names = "--include", paramLabel = "REL",
            description = "Load a relationship's documents into each result (dotted for nested: items.product); repeatable.")
    private List<String> include;

    @Option(names = "--explain", description = "Print the query plan (index, key ranges, residual filter) instead of results.")
    private boolean explain;

    @Override
    public Integer call() {
        Query query = query();
        DocumentCollection documents = root.collection(collection.name());
        PrintWriter out = spec.commandLine().getOut();
        if (explain) {
            out.println(documents.explain(query));
        } else {
            try (Stream<Document> results = documents.stream(query)) {
                results.forEach(document -> out.println(document.toJson()));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Query query() {
        Query query = Query.filter(filter.filter());
        if (sort != null) {
            for (SortKey key : sort) {
                query = query.sort(key.field(), key.direction());
            }
        }
        if (include != null) {
            query = query.include(include.toArray(String[]::new));
        }
        query = query.offset(offset);
        return limit == null ? query : query.limit(limit);
    }
}
