package io.offlinestore.migrations.internal;

/**
 * How far an unfinished migration got: its version and direction, the last step committed, the
 * id of the last document that step committed ({@code null} for a schema step), whether the step
 * is finished, and the documents the migration changed so far.
 */
public record Checkpoint(int version, boolean up, int step, Object after, boolean finished, long documents) {
}
