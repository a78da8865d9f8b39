package io.offlinestore.cli;

import io.offlinestore.ConfigurationException;
import io.offlinestore.schema.CollectionSchema;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks a COLLECTION argument by the store's own rule for collection names (1 to 64 letters,
 * digits, '_' or '-'), so a bad name is a usage error before any store is opened.
 */
final class CollectionNameConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        try {
            return CollectionSchema.builder(value).build().name();
        } catch (ConfigurationException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
