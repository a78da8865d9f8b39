package io.offlinestore.sync.server;

/**
 * The latest processed mutation of one client's lane on one document: its key's local commit
 * sequence and the version it produced. A key of that lane with this sequence is a replay; one
 * with a lower sequence is a write the client had already superseded when it pushed this one.
 */
public record LaneHead(long sequence, long version) {
}
