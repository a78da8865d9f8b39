package io.offlinestore.sync.simulator;

import io.offlinestore.sync.SyncTransport;
import io.offlinestore.sync.SyncTransportException;
import io.offlinestore.sync.protocol.ProtocolCodec;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.PushResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One client's network to the server, with seeded faults on every exchange while chaos is on:
 * request lost, response lost after the server applied it, duplicate delivery (1-3 extra
 * copies), 5xx, and reordering (a delayed copy of an earlier push reaching the server later).
 * Every message goes through the JSON codec, as on a real wire.
 */
final class FaultyNetwork implements SyncTransport {
    private static final int MAX_DELAYED = 4;

    private final String client;
    private final Supplier<SyncTransport> server;
    private final Random random;
    private final Consumer<String> trace;
    private final List<byte[]> delayed = new ArrayList<>();
    boolean chaos;
    boolean offline;

    FaultyNetwork(String client, Supplier<SyncTransport> server, Random random, Consumer<String> trace) {
        this.client = client;
        this.server = server;
        this.random = random;
        this.trace = trace;
    }

    @Override
    public PushResponse push(PushRequest request) {
        byte[] wire = ProtocolCodec.write(request);
        trace.accept(client + " push " + describe(request));
        if (offline) {
            throw fault("push: offline");
        }
        if (chaos) {
            if (!delayed.isEmpty() && random.nextInt(10) == 0) {
                PushRequest late = ProtocolCodec.read(delayed.remove(random.nextInt(delayed.size())), PushRequest.class);
                PushResponse answer = server.get().push(late);
                trace.accept(client + " push: a delayed earlier push arrives now: " + describe(late) + " answered "
                        + answer.results().stream().map(r -> r.outcome() + " v" + r.version()).toList());
            }
            if (delayed.size() < MAX_DELAYED && random.nextInt(8) == 0) {
                delayed.add(wire);
            }
            int fault = random.nextInt(100);
            if (fault < 8) {
                throw fault("push: request lost");
            }
            if (fault < 18) {
                server.get().push(ProtocolCodec.read(wire, PushRequest.class));
                throw fault("push: applied, response lost");
            }
            if (fault < 26) {
                int copies = 1 + random.nextInt(3);
                for (int i = 0; i < copies; i++) {
                    server.get().push(ProtocolCodec.read(wire, PushRequest.class));
                }
                trace.accept(client + " push: delivered " + (copies + 1) + " times");
            } else if (fault < 32) {
                throw fault("push: HTTP 503");
            }
        }
        PushResponse response = server.get().push(ProtocolCodec.read(wire, PushRequest.class));
        return ProtocolCodec.read(ProtocolCodec.write(response), PushResponse.class);
    }

    @Override
    public PullResponse pull(PullRequest request) {
        byte[] wire = ProtocolCodec.write(request);
        if (offline) {
            throw fault("pull: offline");
        }
        if (chaos) {
            int fault = random.nextInt(100);
            if (fault < 6) {
                throw fault("pull: request lost");
            }
            if (fault < 12) {
                server.get().pull(ProtocolCodec.read(wire, PullRequest.class));
                throw fault("pull: response lost");
            }
            if (fault < 16) {
                throw fault("pull: HTTP 500");
            }
        }
        PullResponse response = server.get().pull(ProtocolCodec.read(wire, PullRequest.class));
        if (response.status() == PullResponse.Status.RESET) {
            trace.accept(client + " pull " + request.scope().name() + ": RESET");
        }
        return ProtocolCodec.read(ProtocolCodec.write(response), PullResponse.class);
    }

    private static List<String> describe(PushRequest request) {
        return request.batches().get(0).mutations().stream().map(m -> m.document() + " " + m.operation() + " @"
                + m.key().sequence() + " base " + m.baseVersion()).toList();
    }

    private SyncTransportException fault(String what) {
        trace.accept(client + " " + what);
        return new SyncTransportException(what);
    }
}
