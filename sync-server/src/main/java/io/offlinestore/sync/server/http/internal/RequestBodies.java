package io.offlinestore.sync.server.http.internal;

import io.javalin.http.Context;
import io.offlinestore.sync.protocol.ProtocolCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Reads a request body (gzip-encoded or plain) into a protocol message, within the size limit. */
public final class RequestBodies {
    private final long maxBytes;

    public RequestBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The body as a message of {@code type}.
     *
     * @throws HttpProblem 413 if it is larger than the limit, 400 if it is not readable
     * @throws io.offlinestore.sync.protocol.SyncProtocolException if it is not such a message
     */
    public <T> T read(Context ctx, Class<T> type) {
        String length = ctx.header("Content-Length");
        if (length != null && parseOr(length, -1) > maxBytes) {
            throw tooLarge();
        }
        boolean gzip = "gzip".equalsIgnoreCase(ctx.header("Content-Encoding"));
        try (InputStream raw = ctx.req().getInputStream();
             InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            return ProtocolCodec.read(readBounded(in), type);
        } catch (IOException e) {
            throw new HttpProblem(400, "cannot read the request body" + (gzip ? " as gzip" : "") + ": "
                    + e.getMessage());
        }
    }

    private byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(413, "request body is larger than the limit of " + maxBytes + " bytes");
    }

    private static long parseOr(String value, long fallback) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
