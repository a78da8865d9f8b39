package io.offlinestore.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small user service on the loopback interface that the tests stop and start again on the same
 * port; its data outlives each server instance, as a remote service's would.
 */
final class UserServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, String> names = new ConcurrentHashMap<>(Map.of("1", "Ada", "2", "Grace"));
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    private HttpServer server;
    private int port;

    int start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/users/", this::user);
        server.createContext("/events", exchange -> {
            writes.incrementAndGet();
            events.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            send(exchange, 204, null);
        });
        server.createContext("/health", exchange -> send(exchange, 204, null));
        server.start();
        port = server.getAddress().getPort();
        return port;
    }

    void stop() {
        server.stop(0);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    private void user(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/users/".length());
        if (exchange.getRequestMethod().equals("POST")) {
            writes.incrementAndGet();
            String name = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            if (name.isBlank()) {
                send(exchange, 400, Map.of("error", "name must not be blank"));
                return;
            }
            names.put(id, name);
        } else {
            reads.incrementAndGet();
        }
        String name = names.get(id);
        if (name == null) {
            send(exchange, 404, Map.of("error", "no user " + id));
        } else {
            send(exchange, 200, Map.of("id", id, "name", name));
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
