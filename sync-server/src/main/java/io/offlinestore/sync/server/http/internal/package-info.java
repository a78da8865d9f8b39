/** The routes, limits, body decoding and counters behind the sync server's HTTP endpoints. */
package io.offlinestore.sync.server.http.internal;
