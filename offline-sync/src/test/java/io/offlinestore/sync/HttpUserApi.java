package io.offlinestore.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The real implementation of {@link UserApi}: HTTP calls to a {@link UserServer}. */
final class HttpUserApi implements UserApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    HttpUserApi(String base) {
        this.base = base;
    }

    @Override
    public User getUser(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/users/" + id))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        return user(response);
    }

    @Override
    public CompletableFuture<User> rename(String id, String name) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/users/" + id))
                    .timeout(Duration.ofSeconds(2))
                    .POST(HttpRequest.BodyPublishers.ofString(URLEncoder.encode(name, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return CompletableFuture.completedFuture(user(response));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void log(String event) throws IOException, InterruptedException {
        client.send(HttpRequest.newBuilder(URI.create(base + "/events")).timeout(Duration.ofSeconds(2))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public String describe() {
        return "users at " + base;
    }

    private static User user(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IllegalArgumentException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readValue(response.body(), User.class);
    }
}
