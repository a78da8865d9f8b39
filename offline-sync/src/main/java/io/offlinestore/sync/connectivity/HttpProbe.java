package io.offlinestore.sync.connectivity;

import io.offlinestore.sync.ConnectivityProbe;
import io.offlinestore.ConfigurationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** A probe that sends an HTTP {@code HEAD} or {@code GET} and succeeds on any status below 500. */
public final class HttpProbe implements ConnectivityProbe {
    private final URI uri;
    private final String method;
    private final HttpClient client;

    /**
     * A probe of this URI with this method.
     *
     * @throws ConfigurationException if the URI is not http(s) or the method is not HEAD or GET
     */
    public HttpProbe(URI uri, String method) {
        if (uri == null || uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException("an HTTP probe needs an http or https URI, got " + uri);
        }
        String upper = method == null ? "" : method.toUpperCase(Locale.ROOT);
        if (!upper.equals("HEAD") && !upper.equals("GET")) {
            throw new ConfigurationException("an HTTP probe sends HEAD or GET, got " + method);
        }
        this.uri = uri;
        this.method = upper;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public boolean check(Duration timeout) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
