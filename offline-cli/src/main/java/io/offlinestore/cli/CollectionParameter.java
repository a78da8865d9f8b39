package io.offlinestore.cli;

import picocli.CommandLine.Parameters;

/**
 * The {@code COLLECTION} parameter every command that works on one collection takes first, as a
 * picocli mixin ({@code @Mixin CollectionParameter collection}).
 */
final class CollectionParameter {
    @Parameters(index = "0", paramLabel = "COLLECTION", converter = CollectionNameConverter.class,
            description = "The collection.")
    private String name;

    /** The collection's name, checked by {@link CollectionNameConverter}. */
    String name() {
        return name;
    }
}
