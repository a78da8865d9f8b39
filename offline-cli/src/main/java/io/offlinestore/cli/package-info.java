/**
 * The {@code offline} command line: a picocli front over the public API. {@link
 * io.offlinestore.cli.Main} runs one command and exits with its code; {@link
 * io.offlinestore.cli.OfflineCli} builds the command line, either opening the store the options
 * describe or running against a store the caller lends (tests, embedding). Each command is one
 * class; exceptions become exit codes in one place, {@link io.offlinestore.cli.ExitCodes}.
 */
package io.offlinestore.cli;
