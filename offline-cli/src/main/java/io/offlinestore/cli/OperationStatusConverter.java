package io.offlinestore.cli;

import io.offlinestore.sync.Operation;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an operation status given in any case ({@code pending}, {@code FAILED}, ...). */
final class OperationStatusConverter implements ITypeConverter<Operation.Status> {
    @Override
    public Operation.Status convert(String value) {
        try {
            return Operation.Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("unknown status '" + value + "': use one of "
                    + Arrays.stream(Operation.Status.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
