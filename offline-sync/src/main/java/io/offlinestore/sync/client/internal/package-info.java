/**
 * The {@link io.offlinestore.sync.OfflineClient} proxy's machinery: the invocation handler, the
 * per-method plan read from the annotations, the response cache in the store, and the replay of
 * queued writes.
 */
package io.offlinestore.sync.client.internal;
