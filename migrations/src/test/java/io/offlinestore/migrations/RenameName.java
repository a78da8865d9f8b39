package io.offlinestore.migrations;

/** V3: {@code name} becomes {@code fullName}. */
public final class RenameName implements Migration {
    @Override
    public int version() {
        return 3;
    }

    @Override
    public String description() {
        return "rename name to fullName";
    }

    @Override
    public void up(MigrationContext ctx) {
        ctx.renameField("users", "name", "fullName");
    }

    @Override
    public void down(MigrationContext ctx) {
        ctx.renameField("users", "fullName", "name");
    }
}
