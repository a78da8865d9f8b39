/**
 * What callers of an {@link io.offlinestore.sync.OfflineClient} proxy see besides the API's own
 * types: the receipt of a queued write and where a cached read's answer came from.
 */
package io.offlinestore.sync.client;
