package io.offlinestore.cli;

import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import picocli.CommandLine.Option;

/** The {@code --filter JSON} option of the commands that select documents, as a picocli mixin. */
final class FilterOption {
    @Option(names = "--filter", paramLabel = "JSON", converter = FilterConverter.class,
            description = "A MongoDB-style filter, e.g. {\"role\":\"admin\",\"age\":{\"$gte\":30}}; all documents without one.")
    private Filter filter = Filters.all();

    /** The filter given, or the one that matches every document. */
    Filter filter() {
        return filter;
    }
}
