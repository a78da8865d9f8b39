package io.offlinestore.sync;

import io.offlinestore.Document;
import io.offlinestore.OfflineStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The child process of {@link OperationQueueCrashTest}: enqueues operations and runs them with a
 * slow handler until it is killed, printing {@code enqueued ID} once each enqueue has returned.
 * The handler stands for a remote end that is idempotent by operation id: it records each call
 * and applies an operation's effect once.
 */
public final class QueueCrashWorker {
    private QueueCrashWorker() {
    }

    /** Arguments: store directory, remote directory. */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path remote = Path.of(args[1]);
        try (OfflineStore store = Stores.mapdb(Path.of(args[0])); OperationQueue queue = OperationQueue.open(store)) {
            queue.registerHandler("apply", operation -> apply(remote, operation));
            out.println("ready");
            for (int n = 0; ; n++) {
                String id = queue.enqueue(Operation.builder("apply").key("lane-" + (n % 3))
                        .payload(Document.of(Map.of("n", n))).build());
                out.println("enqueued " + id);
                if (n % 2 == 1) {
                    queue.runNow();
                }
            }
        }
    }

    /** The idempotent remote end: every call is logged with its attempt number; the effect is applied once. */
    static Outcome apply(Path remote, Operation operation) throws IOException, InterruptedException {
        Files.writeString(remote.resolve(operation.id() + ".calls"), operation.attempts() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread.sleep(15);
        try {
            Files.writeString(remote.resolve(operation.id() + ".applied"), "", StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException replay) {
            // already applied under this idempotency key: answer as the first time
        }
        return Outcome.success();
    }
}
