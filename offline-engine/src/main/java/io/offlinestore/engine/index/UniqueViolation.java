package io.offlinestore.engine.index;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two documents claiming one value of a unique index: the entry being added and the id of the
 * document that holds (or, in the same unit of work, also claims) the value.
 *
 * @param added  the entry that would duplicate the value
 * @param holder the id of the other document with that value
 */
public record UniqueViolation(IndexChanges.Added added, JsonNode holder) {
}
