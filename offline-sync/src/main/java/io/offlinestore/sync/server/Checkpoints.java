package io.offlinestore.sync.server;

import io.offlinestore.sync.protocol.SyncProtocolException;

/** The server's checkpoint form, opaque to clients: {@code v1.<commit sequence>}. */
final class Checkpoints {
    private static final String PREFIX = "v1.";

    private Checkpoints() {
    }

    static String format(long sequence) {
        return PREFIX + sequence;
    }

    /** The sequence a checkpoint stands for; {@code 0} for none. */
    static long parse(String checkpoint) {
        if (checkpoint == null) {
            return 0;
        }
        if (checkpoint.startsWith(PREFIX)) {
            try {
                return Long.parseLong(checkpoint.substring(PREFIX.length()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new SyncProtocolException("checkpoint '" + checkpoint + "' was not issued by this server");
    }
}
