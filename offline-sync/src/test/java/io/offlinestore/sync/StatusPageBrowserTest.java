package io.offlinestore.sync;

import static io.offlinestore.sync.WebDriverSession.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import io.offlinestore.sync.connectivity.ManualConnectivityMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page end to end in a real headless Chromium: indicator, pending count, expandable
 * list, statistics and the "sync now" button. Skipped, saying why, only when Debian's
 * {@code chromium} and {@code chromium-driver} are not installed ({@code .ci/run} installs them).
 */
@Tag("browser")
class StatusPageBrowserTest {

    @BeforeAll
    static void requireBrowser() {
        boolean installed = Files.isExecutable(WebDriverSession.CHROMIUM) && Files.isExecutable(WebDriverSession.CHROMEDRIVER);
        if (!installed) {
            System.err.println("StatusPageBrowserTest SKIPPED: " + WebDriverSession.CHROMIUM + " or "
                    + WebDriverSession.CHROMEDRIVER + " is missing; install them with apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "headless Chromium is not installed (apt-get install chromium chromium-driver)");
    }

    @Test
    void thePageShowsTheQueueAndSyncsItOnAClick() throws Exception {
        ManualConnectivityMonitor monitor = ConnectivityMonitor.manual();
        try (OfflineStore store = Stores.memory(); OperationQueue queue = OperationQueue.open(store)) {
            queue.registerHandler("upload", operation -> Outcome.success());
            queue.enqueue("upload", Document.of(Map.of("file", "a.bin")));
            queue.enqueue("upload", Document.of(Map.of("file", "b.bin")));
            queue.enqueue(Operation.builder("email").key("user:7").build());
            try (StatusServer server = StatusServer.builder(queue, monitor).start();
                    WebDriverSession browser = new WebDriverSession()) {
                browser.open(server.uri());

                await("the indicator to say Online", () -> browser.text("#indicator").equals("Online"));
                await("3 pending", () -> browser.text("#pending-count").equals("3"));
                assertFalse(browser.displayed("#details"), "details start collapsed");

                browser.click("#toggle");
                assertTrue(browser.displayed("#details"));
                assertEquals(3, browser.count("#pending-list li"));
                assertTrue(browser.text("#pending-list li:last-child").startsWith("email"), browser.text("#pending-list li:last-child"));

                browser.click("#sync-now");
                await("the sync result", () -> browser.text("#last-result").contains("2 succeeded"));
                await("1 pending after the sync", () -> browser.text("#pending-count").equals("1"));
                assertEquals("2", browser.text("tr[data-stat=completed] td"));
                assertEquals(1, browser.count("#pending-list li"));

                monitor.setOnline(false);
                await("the indicator to say Offline", () -> browser.text("#indicator").equals("Offline"));
            }
        }
    }

    @Test
    void withDocumentSyncThePageCountsAndSyncsDocumentsToo(@TempDir Path dir) throws Exception {
        ManualConnectivityMonitor monitor = ConnectivityMonitor.manual();
        try (SyncFixture fixture = new SyncFixture("memory", dir)) {
            OfflineStore store = fixture.store("device");
            SyncEngine engine = fixture.engine(store, fixture.options("users").connectivity(monitor).build());
            store.collection("users").create(Document.parse("{\"id\":\"u1\"}"));
            store.collection("users").create(Document.parse("{\"id\":\"u2\"}"));
            try (OperationQueue queue = OperationQueue.open(store);
                    StatusServer server = StatusServer.builder(queue, monitor).documentSync(engine).start();
                    WebDriverSession browser = new WebDriverSession()) {
                queue.enqueue("upload", Document.of(Map.of("file", "a.bin")));
                browser.open(server.uri());

                await("3 pending: an operation and two documents", () -> browser.text("#pending-count").equals("3"));
                browser.click("#toggle");
                assertEquals("documents: 2 changes to push", browser.text("#pending-list li:last-child"));

                browser.click("#sync-now");
                await("the document result", () -> browser.text("#last-result").contains("documents: 2 pushed, 0 pulled"));
                await("1 pending: the operation without a handler", () -> browser.text("#pending-count").equals("1"));
                assertEquals(0, engine.status().pending());
            }
        }
    }
}
