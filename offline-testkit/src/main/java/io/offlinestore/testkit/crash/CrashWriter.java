package io.offlinestore.testkit.crash;

import io.offlinestore.OfflineStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of the crash test: opens the store, then runs the given number of writer
 * threads, each writing its own batches of the {@link CrashWorkload} (each a transaction over
 * two collections) one after the other until the process is killed, printing
 * {@code committed N} only after batch N's commit has returned.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    /** Arguments: the crash contract's class name, store path, number of writer threads. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int writers = Integer.parseInt(args[2]);
        try (OfflineStore store = OfflineStore.open(CrashWorkload.options(
                CrashContract.instance(args[0]).configure(Path.of(args[1]))))) {
            List<Thread> threads = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                long last = CrashWorkload.lastBatch(store, writer);
                long first = last == 0 ? writer + 1 : last + writers;
                int id = writer;
                threads.add(new Thread(() -> {
                    for (long batch = first; ; batch += writers) {
                        CrashWorkload.write(store, id, batch);
                        out.println("committed " + batch);
                    }
                }, "crash-writer-" + writer));
            }
            out.println("ready " + writers);
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
