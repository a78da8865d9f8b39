package io.offlinestore.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Reads the files users name on the command line (UTF-8). A file that cannot be read is bad
 * input, reported as a usage error of the command that named it.
 */
final class InputFiles {
    private InputFiles() {
    }

    /** The text of an argument that is either inline JSON or {@code @FILE}. */
    static String jsonArgument(String argument, CommandLine command) {
        if (!argument.startsWith("@")) {
            return argument;
        }
        Path file = Path.of(argument.substring(1));
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(file, e, command);
        }
    }

    /** A reader over a file the user named. */
    static BufferedReader open(Path file, CommandLine command) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(file, e, command);
        }
    }

    /** The usage error for a file that could not be read. */
    static ParameterException unreadable(Path file, IOException cause, CommandLine command) {
        String reason = cause instanceof NoSuchFileException ? "no such file" : cause.toString();
        return new ParameterException(command, "cannot read " + file + ": " + reason, cause, null, file.toString());
    }
}
