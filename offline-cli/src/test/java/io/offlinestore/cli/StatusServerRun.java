package io.offlinestore.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.OfflineStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** {@code offline status-server --port 0} running on a thread of the test, until {@link #stop()}. */
final class StatusServerRun {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/)");

    private final StringWriter out = new StringWriter();
    private final AtomicReference<CliRunner.Result> result = new AtomicReference<>();
    private final Thread thread;
    private final URI base;

    private StatusServerRun(OfflineStore store) throws InterruptedException {
        CommandLine cli = OfflineCli.create(store);
        cli.setOut(new PrintWriter(out, true));
        thread = new Thread(() -> result.set(new CliRunner.Result(cli.execute("status-server", "--port", "0"),
                out.toString(), "")));
        thread.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Matcher matcher = LISTENING.matcher(out.toString());
        while (!matcher.find()) {
            assertTrue(System.nanoTime() < deadline && thread.isAlive(), "the status server did not start: " + out);
            Thread.sleep(50);
            matcher = LISTENING.matcher(out.toString());
        }
        base = URI.create(matcher.group(1));
    }

    /** Starts the command over the store and waits until it listens. */
    static StatusServerRun start(OfflineStore store) throws InterruptedException {
        return new StatusServerRun(store);
    }

    /** What the command printed so far. */
    String out() {
        return out.toString();
    }

    /** Sends a request to the API path (relative, e.g. {@code api/offline/sync}) and returns the response. */
    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Interrupts the command, as Ctrl-C would, and returns what it did. */
    CliRunner.Result stop() throws InterruptedException {
        thread.interrupt();
        thread.join(Duration.ofSeconds(30).toMillis());
        return result.get();
    }
}
