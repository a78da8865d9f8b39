package io.offlinestore.cli;

import io.offlinestore.ConfigurationException;
import io.offlinestore.EvictionPolicy;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code offline policy COLLECTION max-age 7d|max-size 10MB|max-documents N|lru 64MB|none}. */
@Command(name = "policy", description = "Set a collection's eviction policy, kept in the store: "
        + "max-age 7d, max-size 10MB, max-documents 1000, lru 64MB or none.")
final class PolicyCommand implements Callable<Integer> {
    @ParentCommand
    private OfflineCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COLLECTION", converter = CollectionNameConverter.class,
            description = "The collection.")
    private String collection;

    @Parameters(index = "1", paramLabel = "STRATEGY", description = "max-age, max-size, max-documents, lru or none.")
    private String strategy;

    @Parameters(index = "2", arity = "0..1", paramLabel = "VALUE",
            description = "The bound: a duration (7d, 12h, 30m) or a size (10MB, 512KB) or a count.")
    private String value;

    @Override
    public Integer call() {
        EvictionPolicy policy;
        try {
            policy = EvictionPolicy.parse(strategy, value);
        } catch (ConfigurationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        root.store().setEvictionPolicy(collection, policy);
        PrintWriter out = spec.commandLine().getOut();
        out.println(collection + ": eviction policy " + policy);
        out.flush();
        return ExitCodes.OK;
    }
}
