/**
 * The {@code derby} storage backend: keyspaces kept as rows of one table in an embedded Apache
 * Derby database under the store's path, with atomic, durable batches, a process-exclusive
 * directory lock, and Derby's own log routed to SLF4J.
 */
package io.offlinestore.backend.derby;
