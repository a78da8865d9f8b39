package io.offlinestore.sync;

import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.PushResponse;
import java.util.Objects;
import java.util.function.Function;

/**
 * Carries protocol messages to a sync server: HTTP by default, or anything else (an in-process
 * server in tests and demos, a fault-injecting network in the simulator).
 */
public interface SyncTransport {

    /**
     * Sends a push.
     *
     * @throws SyncTransportException if no usable answer came back (the push may or may not have been applied)
     */
    PushResponse push(PushRequest request);

    /**
     * Sends a pull.
     *
     * @throws SyncTransportException if no usable answer came back
     */
    PullResponse pull(PullRequest request);

    /** A transport that calls the two functions, e.g. {@code SyncTransport.of(server::push, server::pull)}. */
    static SyncTransport of(Function<PushRequest, PushResponse> push, Function<PullRequest, PullResponse> pull) {
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(pull, "pull");
        return new SyncTransport() {
            @Override
            public PushResponse push(PushRequest request) {
                return push.apply(request);
            }

            @Override
            public PullResponse pull(PullRequest request) {
                return pull.apply(request);
            }
        };
    }
}
