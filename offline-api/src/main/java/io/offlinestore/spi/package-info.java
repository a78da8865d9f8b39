/**
 * Service provider interfaces: the storage backend contract ({@link io.offlinestore.spi.StorageBackend},
 * an ordered key-value store of named keyspaces) and the factory the engine registers.
 */
package io.offlinestore.spi;
