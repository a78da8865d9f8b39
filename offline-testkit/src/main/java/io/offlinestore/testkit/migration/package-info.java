/** Testing migrations: {@link io.offlinestore.testkit.migration.MigrationTestHelper}. */
package io.offlinestore.testkit.migration;
