package io.offlinestore.sync.simulator;

import io.offlinestore.sync.SyncTransport;
import io.offlinestore.sync.server.ServerDocument;
import java.util.List;

/**
 * The server a simulation runs against, seen from outside: the wire its clients' fault layer
 * wraps, the faults the simulation makes it suffer, and what the invariants read back.
 */
public interface SimulatedServer {

    /** The transport to the server as it is now (a restart may change it). */
    SyncTransport wire();

    /** Restarts the server on the same state. */
    void restart();

    /** Purges old tombstones and dedup keys, if this server does so on demand. */
    void purge();

    /** Every document state the server committed, in commit order. */
    List<ServerDocument> history();

    /** The current live (non-deleted) documents of a collection. */
    List<ServerDocument> live(String collection);
}
