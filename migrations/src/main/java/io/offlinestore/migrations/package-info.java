/**
 * Schema and data migrations: {@link io.offlinestore.migrations.Migration}s written in Java or
 * as YAML/JSON files, run by the {@link io.offlinestore.migrations.MigrationRunner} when a store
 * opens at a higher version (the engine finds it through the SPI), in committed batches with a
 * checkpoint, recorded in a checksummed history.
 */
package io.offlinestore.migrations;
