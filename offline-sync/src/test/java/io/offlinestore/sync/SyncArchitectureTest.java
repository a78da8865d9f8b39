package io.offlinestore.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The brief's sync layering: the store's public API only; protocol and server shareable without the client. */
class SyncArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.offlinestore.sync");
    }

    @Test
    void syncUsesOnlyTheStoresPublicApi() {
        noClasses().that().resideInAPackage("io.offlinestore.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("io.offlinestore.engine..",
                        "io.offlinestore.backend..", "io.offlinestore.spi..", "io.offlinestore.internal..")
                .because("sync is built on the store's public API (changes, transactions, metadata) only")
                .check(classes);
    }

    @Test
    void protocolDependsOnNoOtherSyncPackage() {
        noClasses().that().resideInAPackage("io.offlinestore.sync.protocol..")
                .should().dependOnClassesThat().resideInAPackage("io.offlinestore.sync")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.offlinestore.sync.server..",
                        "io.offlinestore.sync.engine..", "io.offlinestore.sync.queue..",
                        "io.offlinestore.sync.connectivity..", "io.offlinestore.sync.client..",
                        "io.offlinestore.sync.status..")
                .because("the sync server shares the protocol without the client")
                .check(classes);
    }

    @Test
    void serverDependsOnTheProtocolOnly() {
        noClasses().that().resideInAPackage("io.offlinestore.sync.server..")
                .should().dependOnClassesThat().resideInAPackage("io.offlinestore.sync")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.offlinestore.sync.engine..",
                        "io.offlinestore.sync.queue..", "io.offlinestore.sync.connectivity..",
                        "io.offlinestore.sync.client..", "io.offlinestore.sync.status..")
                .because("the server core moves to the sync-server module with the protocol alone")
                .check(classes);
    }

    @Test
    void onlyTheEngineFactoryReachesTheClientInternals() {
        noClasses().that().resideOutsideOfPackages("io.offlinestore.sync.engine..")
                .and().doNotHaveFullyQualifiedName(SyncEngine.class.getName())
                .should().dependOnClassesThat().resideInAPackage("io.offlinestore.sync.engine..")
                .because("the client internals are reached through SyncEngine.create only")
                .check(classes);
    }
}
