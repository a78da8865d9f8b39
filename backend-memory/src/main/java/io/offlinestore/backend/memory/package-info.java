/**
 * The {@code memory} storage backend: keyspaces held in sorted in-memory maps, atomic for readers,
 * gone when the backend closes. The reference backend of the conformance kit and the engine tests.
 */
package io.offlinestore.backend.memory;
