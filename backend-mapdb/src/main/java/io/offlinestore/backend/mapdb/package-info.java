/**
 * The {@code mapdb} storage backend: keyspaces as MapDB 3.1.0 {@code BTreeMap}s of byte arrays in
 * one file per store, batches committed atomically and durably through a redo journal that makes
 * MapDB's commits crash-safe, the store directory locked against other processes.
 */
package io.offlinestore.backend.mapdb;
