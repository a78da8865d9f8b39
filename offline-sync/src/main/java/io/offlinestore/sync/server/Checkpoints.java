package io.offlinestore.sync.server;

import io.offlinestore.sync.protocol.SyncProtocolException;

/**
 * The server's checkpoint form, opaque to clients: {@code v2.<commit sequence>.<purged through>},
 * the second number being the collection's {@link SyncStorage#purgedThrough} when the checkpoint
 * was issued. A pull needs RESET only if a tombstone after the checkpoint was purged since it was
 * issued: one purged before was never going to be sent, so the pages of a full pull that started
 * after a purge do not reset each other. The older {@code v1.<commit sequence>} is still read,
 * as issued before any purge it knows of.
 */
final class Checkpoints {
    private static final String V1 = "v1.";
    private static final String V2 = "v2.";

    /** Where a pull resumes, and how far tombstones had been purged when it was issued. */
    record Checkpoint(long sequence, long purgedThrough) {

        /** Whether a tombstone this checkpoint's client never received was purged since it was issued. */
        boolean missesAPurgedTombstone(long purgedNow) {
            return sequence > 0 && purgedNow > purgedThrough && purgedNow > sequence;
        }
    }

    private Checkpoints() {
    }

    static String format(long sequence, long purgedThrough) {
        return V2 + sequence + "." + purgedThrough;
    }

    /** The checkpoint a client sent; sequence {@code 0} for none. */
    static Checkpoint parse(String checkpoint) {
        if (checkpoint == null) {
            return new Checkpoint(0, 0);
        }
        try {
            if (checkpoint.startsWith(V1)) {
                return new Checkpoint(Long.parseLong(checkpoint.substring(V1.length())), 0);
            }
            if (checkpoint.startsWith(V2)) {
                String[] parts = checkpoint.substring(V2.length()).split("\\.", -1);
                if (parts.length == 2) {
                    return new Checkpoint(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SyncProtocolException("checkpoint '" + checkpoint + "' was not issued by this server");
    }
}
