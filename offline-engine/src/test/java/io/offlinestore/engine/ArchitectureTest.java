package io.offlinestore.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of the brief, checked on the API and engine classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.offlinestore");
    }

    @Test
    void apiDependsOnNoOtherModuleOfOurs() {
        noClasses().that().resideInAnyPackage("io.offlinestore", "io.offlinestore.query..", "io.offlinestore.schema..",
                        "io.offlinestore.spi..", "io.offlinestore.internal..", "io.offlinestore.encryption")
                .should().dependOnClassesThat().resideInAnyPackage("io.offlinestore.engine..",
                        "io.offlinestore.backend..", "io.offlinestore.cli..", "io.offlinestore.testkit..")
                .because("offline-api is the bottom layer and depends on nothing of ours")
                .check(classes);
    }

    @Test
    void apiUsesOnlyTheJdkAndJackson() {
        noClasses().that().resideInAnyPackage("io.offlinestore", "io.offlinestore.query..", "io.offlinestore.schema..",
                        "io.offlinestore.spi..", "io.offlinestore.internal..", "io.offlinestore.encryption")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "com.fasterxml.jackson..",
                        "io.offlinestore", "io.offlinestore.query..", "io.offlinestore.schema..", "io.offlinestore.spi..",
                        "io.offlinestore.internal..", "io.offlinestore.encryption")
                .check(classes);
    }

    @Test
    void engineDependsOnNoBackendAndNoEncryptionLibrary() {
        noClasses().that().resideInAPackage("io.offlinestore.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.offlinestore.backend..",
                        "com.google.crypto.tink..", "org.mapdb..", "org.apache.derby..", "java.sql..")
                .because("the engine finds backends and encryption through the SPI only")
                .check(classes);
    }

    @Test
    void engineInternalsAreLayered() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("wiring").definedBy("io.offlinestore.engine")
                .layer("store").definedBy("io.offlinestore.engine.store..")
                .layer("plan").definedBy("io.offlinestore.engine.plan..")
                .layer("index").definedBy("io.offlinestore.engine.index..")
                .layer("query").definedBy("io.offlinestore.engine.query..")
                .layer("codec").definedBy("io.offlinestore.engine.codec..")
                .whereLayer("wiring").mayOnlyBeAccessedByLayers("store")
                .whereLayer("store").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("store")
                .whereLayer("index").mayOnlyBeAccessedByLayers("store", "plan")
                .whereLayer("query").mayOnlyBeAccessedByLayers("store", "plan", "index")
                .check(classes);
    }
}
