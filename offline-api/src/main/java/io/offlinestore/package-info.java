/**
 * The Offline Store user API: {@link io.offlinestore.OfflineStore}, its collections and documents,
 * options and the exception hierarchy rooted at {@link io.offlinestore.OfflineStoreException}.
 */
package io.offlinestore;
