package io.offlinestore.backend.h2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started on the test class path to run one of this package's {@code main} classes; its
 * standard output is read line by line. Closing it kills it (SIGKILL where the platform has it)
 * and waits, boundedly, for it to end.
 */
final class ChildJvm implements AutoCloseable {
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(30);

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::readLines, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with the arguments. */
    static ChildJvm start(Class<?> main, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(arguments));
        return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    private void readLines() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the JDK closes the pipe when the process dies; what was not read by then is lost,
            // which only makes the tests count fewer acknowledgements
        }
    }

    /** The next line of output, or null if none came within the limit or the process ended. */
    String nextLine(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                return line;
            }
            if (!process.isAlive() && lines.isEmpty() && !reader.isAlive()) {
                return null;
            }
        }
        return null;
    }

    /** Kills the process and returns every line it printed that was not yet read. */
    List<String> killAndDrain() throws InterruptedException {
        close();
        reader.join(EXIT_LIMIT.toMillis());
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        return rest;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("child JVM " + process.pid() + " did not end after being killed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while child JVM " + process.pid() + " was ending", e);
        }
    }
}
