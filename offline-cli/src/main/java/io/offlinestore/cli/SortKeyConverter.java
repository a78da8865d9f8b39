package io.offlinestore.cli;

import io.offlinestore.query.Direction;
import io.offlinestore.query.SortKey;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a {@code --sort} argument, {@code FIELD[:asc|desc]}: a dotted field path, ascending
 * unless {@code :desc} follows it.
 */
final class SortKeyConverter implements ITypeConverter<SortKey> {
    @Override
    public SortKey convert(String value) {
        int colon = value.lastIndexOf(':');
        String field = colon < 0 ? value : value.substring(0, colon);
        if (field.isEmpty()) {
            throw new TypeConversionException("a sort key needs a field name, got '" + value + "'");
        }
        try {
            return new SortKey(field, colon < 0 ? Direction.ASC : Direction.parse(value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
