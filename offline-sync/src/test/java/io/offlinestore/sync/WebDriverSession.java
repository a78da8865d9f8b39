package io.offlinestore.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A headless Chromium driven through the system's chromedriver with the W3C WebDriver protocol
 * (JSON over HTTP on loopback), so the browser test needs no driver download at run time.
 */
final class WebDriverSession implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final Process driver;
    private final String session;

    WebDriverSession() throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            session = startSession(URI.create("http://127.0.0.1:" + port + "/"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            driver.destroy();
            throw e;
        }
    }

    private String startSession(URI base) throws IOException, InterruptedException {
        awaitDriver(base);
        ObjectNode capabilities = JSON.createObjectNode();
        ObjectNode always = capabilities.putObject("capabilities").putObject("alwaysMatch");
        always.put("browserName", "chrome");
        ObjectNode options = always.putObject("goog:chromeOptions");
        options.put("binary", CHROMIUM.toString());
        List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")
                .forEach(options.putArray("args")::add);
        JsonNode created = call("POST", base.resolve("session"), capabilities);
        return base + "session/" + created.get("sessionId").asText();
    }

    private void awaitDriver(URI base) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("status")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("chromedriver did not start");
    }

    void open(URI page) throws IOException, InterruptedException {
        call("POST", at("url"), JSON.createObjectNode().put("url", page.toString()));
    }

    String text(String css) throws IOException, InterruptedException {
        return call("GET", at("element/" + find(css) + "/text"), null).asText();
    }

    void click(String css) throws IOException, InterruptedException {
        call("POST", at("element/" + find(css) + "/click"), JSON.createObjectNode());
    }

    boolean displayed(String css) throws IOException, InterruptedException {
        return call("GET", at("element/" + find(css) + "/displayed"), null).asBoolean();
    }

    int count(String css) throws IOException, InterruptedException {
        return call("POST", at("elements"), locator(css)).size();
    }

    private String find(String css) throws IOException, InterruptedException {
        return call("POST", at("element"), locator(css)).get(ELEMENT).asText();
    }

    private URI at(String path) {
        return URI.create(session + "/" + path);
    }

    private static ObjectNode locator(String css) {
        return JSON.createObjectNode().put("using", "css selector").put("value", css);
    }

    /** Waits up to 15 s for {@code check} to hold, then fails with what was last seen. */
    static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** A condition on the page. */
    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    private JsonNode call(String method, URI uri, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(response.body()).get("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + uri + " failed: " + value);
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        try {
            call("DELETE", URI.create(session), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            driver.toHandle().descendants().forEach(ProcessHandle::destroy);
            driver.destroy();
        }
    }
}
