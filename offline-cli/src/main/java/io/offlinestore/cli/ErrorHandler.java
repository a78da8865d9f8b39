package io.offlinestore.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one line on standard error and an exit code ({@link ExitCodes}): usage
 * errors from parsing or from a command's own checks, and exceptions a command throws. Stack
 * traces are shown only with {@code --verbose}, or for unexpected failures.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final OfflineCommand root;

    ErrorHandler(OfflineCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parseResult) {
        int code = ExitCodes.of(failure);
        PrintWriter err = command.getErr();
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (code == ExitCodes.INTERNAL) {
            message = "internal error (please report it): " + failure;
        }
        err.println(command.getCommandSpec().qualifiedName() + ": " + message);
        if (code == ExitCodes.INTERNAL || root.verbose()) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + failure.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(failure, err)) {
            err.println("Try '" + name + " --help' for usage.");
        }
        if (root.verbose()) {
            failure.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
