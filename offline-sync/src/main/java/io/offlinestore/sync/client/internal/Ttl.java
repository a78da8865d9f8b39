package io.offlinestore.sync.client.internal;

import io.offlinestore.ConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a {@link io.offlinestore.sync.CachedRead#ttl()}: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601. */
final class Ttl {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Ttl() {
    }

    static Duration parse(String text, String where) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(trimmed);
        Duration ttl;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            ttl = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                ttl = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new ConfigurationException("ttl '" + text + "' of " + where
                        + " is not a duration: use 500ms, 30s, 10m, 2h, 1d or ISO-8601 (PT10M)");
            }
        }
        if (ttl.isNegative()) {
            throw new ConfigurationException("ttl '" + text + "' of " + where + " must not be negative");
        }
        return ttl;
    }
}
