package io.offlinestore.migrations;

import java.util.Map;

/** V2: every user gets default preferences. */
public class AddPreferences implements Migration {
    @Override
    public int version() {
        return 2;
    }

    @Override
    public String description() {
        return "add preferences";
    }

    @Override
    public void up(MigrationContext ctx) {
        ctx.addField("users", "preferences", Map.of("theme", "light"));
    }

    @Override
    public void down(MigrationContext ctx) {
        ctx.removeField("users", "preferences");
    }
}
