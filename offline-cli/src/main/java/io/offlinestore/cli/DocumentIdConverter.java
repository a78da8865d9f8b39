package io.offlinestore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an ID argument the way JSON writes ids, so a string id and an integer id that look
 * alike stay distinct: {@code 7} is the integer 7, {@code "7"} (quotes included, so quote them
 * for the shell: {@code '"7"'}) is the string "7", and any other text, such as {@code user123},
 * is that string as it stands. There is no guessing and no second lookup.
 */
final class DocumentIdConverter implements ITypeConverter<Object> {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Object convert(String value) {
        if (INTEGER.matcher(value).matches()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("integer id " + value + " does not fit in 64 bits"
                        + " (for a string id, quote it: '\"" + value + "\"')");
            }
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            try {
                return JSON.readValue(value, String.class);
            } catch (JsonProcessingException e) {
                throw new TypeConversionException("id " + value + " is not a valid JSON string: " + e.getOriginalMessage());
            }
        }
        return value;
    }
}
