package io.offlinestore;

import com.fasterxml.jackson.databind.JsonNode;
import io.offlinestore.internal.JsonLimits;
import java.util.Optional;

/**
 * The limits every stored document, patch and query operand is held to. A value beyond them is
 * refused when it is written or parsed ({@link InvalidDocumentException} for documents,
 * {@link QueryException} for filters), never changed or stored in a form that cannot be read
 * back. The text limits are those of the JSON parser, so anything the store parses it can store.
 */
public final class DocumentLimits {
    /**
     * The deepest nesting of objects and arrays in a document, a patch or a filter: the document
     * itself is level 1 (MongoDB's limit for BSON documents).
     */
    public static final int MAX_DEPTH = 100;

    /** The longest field name, in UTF-16 chars. */
    public static final int MAX_FIELD_NAME_LENGTH = 50_000;

    /** The longest string value, in UTF-16 chars. */
    public static final int MAX_STRING_LENGTH = 20_000_000;

    /** The most digits of a number (its unscaled value): a {@code 2^10000} has too many. */
    public static final int MAX_NUMBER_DIGITS = 1_000;

    /**
     * The largest decimal scale, either sign, of a number: {@code 1e-1000000} and
     * {@code 1e1000000} are the smallest and largest powers of ten stored. Every double and every
     * IEEE 754 decimal128 value fits.
     */
    public static final int MAX_DECIMAL_SCALE = 1_000_000;

    private DocumentLimits() {
    }

    /**
     * The first thing in a tree beyond these limits (nesting too deep, a field name or string too
     * long or holding an unpaired surrogate, a number with too many digits or too large a scale),
     * described with its dotted path; empty when the whole tree can be stored exactly. The check
     * is iterative, so a tree nested far too deep is reported rather than overflowing the stack.
     */
    public static Optional<String> violation(JsonNode tree) {
        return Optional.ofNullable(JsonLimits.violation(tree));
    }
}
