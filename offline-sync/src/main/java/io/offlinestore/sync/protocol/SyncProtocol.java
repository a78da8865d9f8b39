package io.offlinestore.sync.protocol;

/** Constants of the wire protocol. */
public final class SyncProtocol {
    /** The protocol version this code speaks; requests name it and a server refuses others. */
    public static final int VERSION = 1;

    private SyncProtocol() {
    }

    /**
     * Checks that a message speaks this version.
     *
     * @throws SyncProtocolException naming both versions otherwise
     */
    public static void requireVersion(int version, String message) {
        if (version != VERSION) {
            throw new SyncProtocolException(message + " speaks sync protocol version " + version
                    + ", this side speaks " + VERSION);
        }
    }
}
