/**
 * The sync server's HTTP face: {@link io.offlinestore.sync.server.http.SyncHttpServer} serves the
 * sync protocol, health and metrics on Javalin over a PostgreSQL database.
 */
package io.offlinestore.sync.server.http;
