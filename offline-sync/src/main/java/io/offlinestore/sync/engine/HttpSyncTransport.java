package io.offlinestore.sync.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offlinestore.sync.SyncTransportException;
import io.offlinestore.sync.SyncTransport;
import io.offlinestore.sync.protocol.ProtocolCodec;
import io.offlinestore.sync.protocol.PullRequest;
import io.offlinestore.sync.protocol.PullResponse;
import io.offlinestore.sync.protocol.PushRequest;
import io.offlinestore.sync.protocol.PushResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The default transport: JSON over HTTP, {@code POST <server>/sync/v1/push} and
 * {@code POST <server>/sync/v1/pull}, with the configured bearer token. Bodies over 1 KiB travel
 * gzip-compressed and gzip answers are accepted. A transient failure (no connection, a timeout,
 * 429, 502, 503, 504) is retried a few times with exponential backoff and jitter, honouring
 * {@code Retry-After} (pushes are idempotent: the server deduplicates mutation keys); what still
 * fails, and any other status, is a {@link SyncTransportException} naming the status and the
 * server's message, and the engine retries it on its next sync.
 */
final class HttpSyncTransport implements SyncTransport {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 4;
    private static final long BASE_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final int GZIP_ABOVE = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI push;
    private final URI pull;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

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
        HttpRequest request = request(uri, body);
        for (int attempt = 1; ; attempt++) {
            long retryAfterMillis = -1;
            String failure;
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                byte[] answer = decode(response);
                if (response.statusCode() == 200) {
                    return answer;
                }
                failure = "POST " + uri + " answered HTTP " + response.statusCode() + message(answer);
                if (!retryable(response.statusCode())) {
                    throw new SyncTransportException(failure);
                }
                retryAfterMillis = response.headers().firstValue("Retry-After").map(HttpSyncTransport::seconds)
                        .orElse(-1L);
            } catch (IOException e) {
                failure = "POST " + uri + " failed: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncTransportException("POST " + uri + " was interrupted", e);
            }
            if (attempt == ATTEMPTS) {
                throw new SyncTransportException(failure + " (after " + ATTEMPTS + " attempts)");
            }
            pause(attempt, retryAfterMillis, uri);
        }
    }

    private HttpRequest request(URI uri, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept-Encoding", "gzip");
        if (body.length > GZIP_ABOVE) {
            request.header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(gzip(body)));
        } else {
            request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private static void pause(int attempt, long retryAfterMillis, URI uri) {
        long backoff = Math.min(MAX_BACKOFF_MILLIS, BASE_BACKOFF_MILLIS << (attempt - 1));
        long millis = retryAfterMillis >= 0 ? Math.min(MAX_BACKOFF_MILLIS, retryAfterMillis)
                : backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncTransportException("POST " + uri + " was interrupted while backing off", e);
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim()) * 1000;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] decode(HttpResponse<InputStream> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
        try (InputStream in = gzip ? new GZIPInputStream(response.body()) : response.body()) {
            return in.readAllBytes();
        }
    }

    private static String message(byte[] answer) {
        try {
            JsonNode error = JSON.readTree(answer).get("error");
            return error != null && error.isTextual() ? ": " + error.textValue() : "";
        } catch (IOException e) {
            String text = new String(answer, StandardCharsets.UTF_8);
            return text.isBlank() ? "" : ": " + text.substring(0, Math.min(200, text.length()));
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }
}
