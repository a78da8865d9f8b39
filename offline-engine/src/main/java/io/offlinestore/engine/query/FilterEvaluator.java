package io.offlinestore.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.engine.codec.ValueOrder;
import io.offlinestore.query.Condition;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Operator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Decides whether a document matches a filter, with MongoDB's semantics: a condition on a
 * field holding an array is met by the array or any element; {@code {"f": null}} matches null
 * and missing; order comparisons only match values of the operand's type bracket; numbers
 * compare by value. This is the reference the query planner's index scans must agree with.
 */
public final class FilterEvaluator {
    private static final Map<Condition.Regex, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private FilterEvaluator() {
    }

    /** Whether the document matches the filter. */
    public static boolean matches(Filter filter, JsonNode document) {
        if (filter instanceof Filter.MatchAll) {
            return true;
        } else if (filter instanceof Filter.And and) {
            for (Filter operand : and.operands()) {
                if (!matches(operand, document)) {
                    return false;
                }
            }
            return true;
        } else if (filter instanceof Filter.Or or) {
            for (Filter operand : or.operands()) {
                if (matches(operand, document)) {
                    return true;
                }
            }
            return false;
        } else if (filter instanceof Filter.Nor nor) {
            for (Filter operand : nor.operands()) {
                if (matches(operand, document)) {
                    return false;
                }
            }
            return true;
        } else {
            Filter.Field field = (Filter.Field) filter;
            return meets(field.condition(), FieldPath.of(field.path()).candidates(document));
        }
    }

    /** Whether the values a path reached meet the condition. */
    static boolean meets(Condition condition, List<JsonNode> candidates) {
        if (condition instanceof Condition.Compare compare) {
            return switch (compare.operator()) {
                case EQ -> anyEquals(candidates, compare.value());
                case NE -> !anyEquals(candidates, compare.value());
                default -> anyInRange(candidates, compare.operator(), compare.value());
            };
        } else if (condition instanceof Condition.In in) {
            return in.values().stream().anyMatch(v -> anyEquals(candidates, v));
        } else if (condition instanceof Condition.NotIn notIn) {
            return notIn.values().stream().noneMatch(v -> anyEquals(candidates, v));
        } else if (condition instanceof Condition.Exists exists) {
            return candidates.stream().anyMatch(c -> !c.isMissingNode()) == exists.exists();
        } else if (condition instanceof Condition.Regex regex) {
            Pattern pattern = PATTERNS.size() > 1_000 ? regex.compile() : PATTERNS.computeIfAbsent(regex, Condition.Regex::compile);
            return candidates.stream().anyMatch(c -> regexMatches(c, pattern));
        } else if (condition instanceof Condition.Size size) {
            return candidates.stream().anyMatch(c -> c instanceof ArrayNode array && array.size() == size.size());
        } else if (condition instanceof Condition.All all) {
            return !all.values().isEmpty() && candidates.stream()
                    .anyMatch(c -> all.values().stream().allMatch(v -> equalsValueOrElement(c, v)));
        } else if (condition instanceof Condition.ElemMatchValue elem) {
            return candidates.stream().anyMatch(c -> c instanceof ArrayNode array
                    && stream(array).anyMatch(e -> meets(elem.condition(), List.of(e))));
        } else if (condition instanceof Condition.ElemMatchDocument elem) {
            return candidates.stream().anyMatch(c -> c instanceof ArrayNode array
                    && stream(array).anyMatch(e -> e instanceof ObjectNode && matches(elem.filter(), e)));
        } else if (condition instanceof Condition.Not not) {
            return !meets(not.condition(), candidates);
        } else {
            for (Condition part : ((Condition.AllOf) condition).conditions()) {
                if (!meets(part, candidates)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static boolean anyEquals(List<JsonNode> candidates, JsonNode value) {
        for (JsonNode candidate : candidates) {
            if (equalsValueOrElement(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsValueOrElement(JsonNode candidate, JsonNode value) {
        if (ValueOrder.compare(candidate, value) == 0) {
            return true;
        }
        if (candidate instanceof ArrayNode array) {
            for (JsonNode element : array) {
                if (ValueOrder.compare(element, value) == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyInRange(List<JsonNode> candidates, Operator operator, JsonNode bound) {
        for (JsonNode candidate : candidates) {
            if (inRange(candidate, operator, bound)) {
                return true;
            }
            if (candidate instanceof ArrayNode array) {
                for (JsonNode element : array) {
                    if (inRange(element, operator, bound)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean inRange(JsonNode value, Operator operator, JsonNode bound) {
        if (ValueOrder.typeRank(value) != ValueOrder.typeRank(bound)) {
            return false;
        }
        int c = ValueOrder.compare(value, bound);
        return switch (operator) {
            case GT -> c > 0;
            case GTE -> c >= 0;
            case LT -> c < 0;
            case LTE -> c <= 0;
            default -> throw new IllegalArgumentException(operator + " is not a range operator");
        };
    }

    private static boolean regexMatches(JsonNode candidate, Pattern pattern) {
        if (candidate.isTextual()) {
            return pattern.matcher(candidate.textValue()).find();
        }
        if (candidate instanceof ArrayNode array) {
            return stream(array).anyMatch(e -> e.isTextual() && pattern.matcher(e.textValue()).find());
        }
        return false;
    }

    private static Stream<JsonNode> stream(ArrayNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
