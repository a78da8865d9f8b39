/**
 * Offline-first synchronisation around an {@link io.offlinestore.OfflineStore}: the persistent operation queue,
 * connectivity monitoring, offline-aware API clients, and document synchronisation with a server.
 * Built on the store's public API only.
 */
package io.offlinestore.sync;
