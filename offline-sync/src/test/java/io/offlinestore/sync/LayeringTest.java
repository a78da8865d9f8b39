package io.offlinestore.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** offline-sync is built on the store's public API only, as the brief's layering says. */
class LayeringTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.offlinestore.sync");

    @Test
    void syncModuleUsesOnlyThePublicApi() {
        noClasses().that().resideInAPackage("io.offlinestore.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("io.offlinestore.engine..", "io.offlinestore.backend..",
                        "io.offlinestore.cli..", "io.offlinestore.internal..", "io.offlinestore.query.internal..")
                .because("offline-sync uses the store's public API only, so it works over any engine and backend")
                .check(classes);
    }

    @Test
    void queueInternalsDoNotDependOnClientsOrTheStatusServer() {
        noClasses().that().resideInAPackage("io.offlinestore.sync.queue..")
                .should().dependOnClassesThat().resideInAnyPackage("io.offlinestore.sync.client..", "io.offlinestore.sync.status..")
                .because("the queue's internals sit below the clients and the status server")
                .check(classes);
    }
}
