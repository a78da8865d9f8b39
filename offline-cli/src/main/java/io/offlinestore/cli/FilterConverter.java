package io.offlinestore.cli;

import io.offlinestore.QueryException;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Filters;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a {@code --filter} argument, a MongoDB-style JSON filter such as
 * {@code {"role":"admin","age":{"$gt":30}}}; an error names the offending clause.
 */
final class FilterConverter implements ITypeConverter<Filter> {
    @Override
    public Filter convert(String value) {
        try {
            return Filters.parse(value);
        } catch (QueryException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
