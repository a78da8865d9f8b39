/**
 * The engine's entry points: the Guice module, the factory {@code OfflineStore.open} finds, and
 * the backend registry. Sub-packages hold the
 * engine's internals by concept and are not a stable API.
 */
package io.offlinestore.engine;
