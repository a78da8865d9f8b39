/**
 * The read cache in front of the backend's documents: decoded records keyed by documents
 * keyspace and encoded id, weighted by their stored size, invalidated by the commit pipeline as
 * each group of commits is applied. {@link io.offlinestore.engine.cache.DocumentCache} is the
 * Guice-bound seam; {@link io.offlinestore.engine.cache.CaffeineDocumentCache} the default.
 */
package io.offlinestore.engine.cache;
