package io.offlinestore.migrations;

import java.util.List;

/**
 * What a dry run found a migration would do: how many documents it would change, its schema
 * steps, and a few documents before and after.
 */
public record MigrationPreview(int version, String description, long documentsChanged, List<String> schemaSteps,
                               List<Sample> samples) {

    /** One document as stored and as the migration would leave it ({@code null} after: deleted). */
    public record Sample(String collection, String before, String after) {
    }
}
