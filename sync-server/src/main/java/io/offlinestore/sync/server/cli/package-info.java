/** {@code bin/offline-server}: the sync server's command line (serve, tokens, users). */
package io.offlinestore.sync.server.cli;
