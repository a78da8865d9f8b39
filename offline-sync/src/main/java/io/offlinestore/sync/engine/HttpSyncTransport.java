package io.offlinestore.sync.engine;

import io.offlinestore.sync.SyncTransportException;
import io.offlinestore.sync.SyncTransport;
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
import java.time.Duration;

/**
 * The default transport: JSON over HTTP, {@code POST <server>/sync/v1/push} and
 * {@code POST <server>/sync/v1/pull}, with the configured bearer token. Any failure to get a 200 with a readable body is a
 * {@link SyncTransportException} (retried on the next sync).
 */
final class HttpSyncTransport implements SyncTransport {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI push;
    private final URI pull;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    HttpSyncTransport(URI server, String token) {
        this.token = token;
        String base = server.toString().endsWith("/") ? server.toString() : server + "/";
        this.push = URI.create(base + "sync/v1/push");
        this.pull = URI.create(base + "sync/v1/pull");
    }

    @Override
    public PushResponse push(PushRequest request) {
        return ProtocolCodec.read(post(push, ProtocolCodec.write(request)), PushResponse.class);
    }

    @Override
    public PullResponse pull(PullRequest request) {
        return ProtocolCodec.read(post(pull, ProtocolCodec.write(request)), PullResponse.class);
    }

    private byte[] post(URI uri, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new SyncTransportException("POST " + uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new SyncTransportException("POST " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncTransportException("POST " + uri + " was interrupted", e);
        }
    }
}
