package io.offlinestore.internal;

import io.offlinestore.ConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the human forms of durations ({@code 7d}, {@code 12h}, {@code 30m},
 * {@code 45s}, or ISO-8601 {@code P7D}) and byte sizes ({@code 10MB}, {@code 512KB},
 * {@code 1GB}, or a plain number of bytes; units are powers of 1024), as config files and the
 * command line write them.
 */
public final class Quantities {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb|tb)?");

    private Quantities() {
    }

    /** Parses a duration such as {@code 7d} or {@code PT12H}. */
    public static Duration duration(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("'" + text + "' is not a duration: write 7d, 12h, 30m, 45s or P7D");
        }
    }

    /** Parses a byte size such as {@code 10MB} or {@code 4096}. */
    public static long bytes(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIZE.matcher(t);
        if (!m.matches()) {
            throw new ConfigurationException("'" + text + "' is not a size: write 10MB, 512KB, 1GB or a number of bytes");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2) == null ? "b" : m.group(2)) {
            case "kb" -> 10;
            case "mb" -> 20;
            case "gb" -> 30;
            case "tb" -> 40;
            default -> 0;
        };
        if (shift > 0 && n > (Long.MAX_VALUE >> shift)) {
            throw new ConfigurationException("'" + text + "' is too large a size");
        }
        return n << shift;
    }

    /** The shortest exact form of a duration: {@code 7d}, {@code 90m}, {@code 1500ms}. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms != 0 && ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }

    /** The shortest exact form of a size: {@code 10MB}, {@code 1536KB}, {@code 1000}. */
    public static String formatBytes(long bytes) {
        String[] names = {"TB", "GB", "MB", "KB"};
        int[] shifts = {40, 30, 20, 10};
        for (int i = 0; i < shifts.length; i++) {
            long unit = 1L << shifts[i];
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + names[i];
            }
        }
        return Long.toString(bytes);
    }
}
