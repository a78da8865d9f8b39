/**
 * Named providers (storage backends, cipher modules) found with {@code ServiceLoader} or given:
 * one registry, reporting duplicate names and listing the names found.
 */
package io.offlinestore.engine.registry;
