package io.offlinestore.migrations.internal;

import io.offlinestore.StoreOptions;
import io.offlinestore.migrations.Migration;
import io.offlinestore.migrations.MigrationException;
import io.offlinestore.spi.SchemaMigration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Gathers the migrations a store knows of: those of its options, those listed in
 * {@code META-INF/services/io.offlinestore.migrations.Migration}, and the files of its migrations
 * directory; checks that their versions are unique, at least 2, and without gaps.
 */
public final class KnownMigrations {
    private KnownMigrations() {
    }

    /** The store's migrations, by version. */
    public static List<Migration> of(StoreOptions options) {
        List<Migration> found = new ArrayList<>();
        for (SchemaMigration given : options.migrations()) {
            if (!(given instanceof Migration migration)) {
                throw new MigrationException("migration V" + given.version() + " '" + given.description() + "' is a "
                        + given.getClass().getName() + ", not an " + Migration.class.getName());
            }
            found.add(migration);
        }
        Map<String, Migration> byClass = new LinkedHashMap<>();
        found.forEach(m -> byClass.put(m.getClass().getName(), m));
        for (Migration listed : ServiceLoader.load(Migration.class)) {
            byClass.putIfAbsent(listed.getClass().getName(), listed);
        }
        List<Migration> all = new ArrayList<>(found);
        byClass.values().stream().filter(m -> !found.contains(m)).forEach(all::add);
        options.migrationsDirectory().ifPresent(directory -> all.addAll(DeclarativeMigrations.load(directory)));
        return checked(all);
    }

    /** The migrations sorted by version, checked for duplicates, gaps and versions below 2. */
    public static List<Migration> checked(List<Migration> migrations) {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingInt(Migration::version));
        for (int i = 0; i < sorted.size(); i++) {
            Migration m = sorted.get(i);
            if (m.version() < 2) {
                throw new MigrationException("migration '" + m.description() + "' has version " + m.version()
                        + ": a store starts at version 1, so migrations start at 2");
            }
            if (i > 0) {
                Migration previous = sorted.get(i - 1);
                if (previous.version() == m.version()) {
                    throw new MigrationException("two migrations have version " + m.version() + ": " + name(previous)
                            + " and " + name(m));
                }
                if (m.version() != previous.version() + 1) {
                    throw new MigrationException("the migrations jump from V" + previous.version() + " to "
                            + name(m) + ": version " + (previous.version() + 1) + " is missing");
                }
            }
        }
        return List.copyOf(sorted);
    }

    /** How messages name a migration: {@code V3 'add preferences'}. */
    public static String name(Migration m) {
        return "V" + m.version() + " '" + m.description() + "'";
    }
}
