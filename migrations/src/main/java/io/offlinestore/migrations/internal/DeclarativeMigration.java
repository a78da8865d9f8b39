package io.offlinestore.migrations.internal;

import io.offlinestore.migrations.IrreversibleMigrationException;
import io.offlinestore.migrations.Migration;
import io.offlinestore.migrations.MigrationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A migration read from a YAML or JSON file: its operations for {@code up}, and for {@code down}
 * those the file lists or else the inverses of the {@code up} operations in reverse order; its
 * checksum is the file's.
 */
final class DeclarativeMigration implements Migration {
    private final int version;
    private final String description;
    private final String checksum;
    private final String file;
    private final List<Operation> up;
    private final List<Operation> down;

    DeclarativeMigration(int version, String description, String checksum, String file, List<Operation> up,
                         List<Operation> down) {
        this.version = version;
        this.description = description;
        this.checksum = checksum;
        this.file = file;
        this.up = List.copyOf(up);
        this.down = down == null ? null : List.copyOf(down);
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String checksum() {
        return checksum;
    }

    @Override
    public void up(MigrationContext ctx) {
        up.forEach(op -> op.apply(ctx));
    }

    @Override
    public void down(MigrationContext ctx) {
        if (down != null) {
            down.forEach(op -> op.apply(ctx));
            return;
        }
        List<Operation> inverses = new ArrayList<>();
        for (int i = up.size() - 1; i >= 0; i--) {
            Optional<Operation> inverse = up.get(i).inverse();
            if (inverse.isEmpty()) {
                throw new IrreversibleMigrationException(file + " cannot be reverted: its operation " + (i + 1) + " ("
                        + up.get(i).getClass().getSimpleName() + ") has no inverse; list the 'down' operations");
            }
            inverses.add(inverse.get());
        }
        inverses.forEach(op -> op.apply(ctx));
    }

    @Override
    public String toString() {
        return file;
    }
}
