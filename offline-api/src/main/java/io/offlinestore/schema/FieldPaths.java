package io.offlinestore.schema;

import io.offlinestore.ConfigurationException;

/** Checks dotted field paths used in schemas: non-empty segments, no operator prefix. */
final class FieldPaths {
    private FieldPaths() {
    }

    static String require(String path, String what) {
        if (path == null || path.isBlank()) {
            throw new ConfigurationException(what + " must be a non-empty field path");
        }
        for (String segment : path.split("\\.", -1)) {
            if (segment.isEmpty()) {
                throw new ConfigurationException(what + " '" + path + "' has an empty segment");
            }
            if (segment.startsWith("$")) {
                throw new ConfigurationException(what + " '" + path + "' has a segment starting with '$'");
            }
        }
        return path;
    }
}
