/**
 * Whole-store maintenance passes: the integrity check of documents against their index entries.
 */
package io.offlinestore.engine.maintenance;
