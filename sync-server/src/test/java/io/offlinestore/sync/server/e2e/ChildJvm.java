package io.offlinestore.sync.server.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a main class of this test classpath in a child JVM; ended by its own handle only. */
final class ChildJvm {
    private ChildJvm() {
    }

    static Process start(Path log, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    /** Runs to completion and returns its standard output lines; fails on a non-zero exit. */
    static List<String> run(Path log, Class<?> main, String... args) throws IOException, InterruptedException {
        Process child = start(log, main, args);
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " did not finish; see " + log);
        }
        if (child.exitValue() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " exited " + child.exitValue() + ": " + lines
                    + "; see " + log);
        }
        return lines;
    }
}
