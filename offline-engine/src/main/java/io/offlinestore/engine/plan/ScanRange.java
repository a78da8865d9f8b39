package io.offlinestore.engine.plan;

import io.offlinestore.spi.KeyRange;

/**
 * One key range a plan scans, with its description for people ({@code email = "a@x.org"},
 * {@code age > 30}).
 *
 * @param range       the byte range
 * @param description what the range covers, in terms of field values
 */
public record ScanRange(KeyRange range, String description) {
    @Override
    public String toString() {
        return description;
    }
}
