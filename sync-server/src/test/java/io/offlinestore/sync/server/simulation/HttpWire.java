package io.offlinestore.sync.server.simulation;

import io.offlinestore.sync.SyncTransport;
import io.offlinestore.sync.SyncTransportException;
import io.offlinestore.sync.protocol.ProtocolCodec;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.PushResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * One plain HTTP exchange per message, without the engine transport's retries, so that each
 * fault the simulator injects reaches the engine as it would from the network.
 */
final class HttpWire implements SyncTransport {
    private final HttpClient client;
    private final URI base;
    private final String token;

    HttpWire(HttpClient client, URI base, String token) {
        this.client = client;
        this.base = base;
        this.token = token;
    }

    @Override
    public PushResponse push(PushRequest request) {
        return ProtocolCodec.read(post("/sync/v1/push", ProtocolCodec.write(request)), PushResponse.class);
    }

    @Override
    public PullResponse pull(PullRequest request) {
        return ProtocolCodec.read(post("/sync/v1/pull", ProtocolCodec.write(request)), PullResponse.class);
    }

    private byte[] post(String path, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new SyncTransportException(path + " answered HTTP " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new SyncTransportException(path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncTransportException(path + " interrupted", e);
        }
    }
}
