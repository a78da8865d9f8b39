package io.offlinestore.engine;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.offlinestore.engine.plan.PlanCache;
import org.junit.jupiter.api.BeforeAll;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The layering rules of the brief, checked on the API and engine classes. */
class ArchitectureTest {
    private static final String DOCUMENT_ACCESS = "io.offlinestore.internal.access..";
    private static JavaClasses imported;

    @BeforeAll
    static void importClasses() {
        imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.offlinestore");
    }

    @Test
    void apiDependsOnNoOtherModuleOfOurs() {
        noClasses().that().resideInAnyPackage("io.offlinestore", "io.offlinestore.query..", "io.offlinestore.schema..",
                        "io.offlinestore.spi..", "io.offlinestore.internal..", "io.offlinestore.encryption")
                .should().dependOnClassesThat().resideInAnyPackage("io.offlinestore.engine..",
                        "io.offlinestore.backend..", "io.offlinestore.cli..", "io.offlinestore.testkit..",
                        "io.offlinestore.migrations..")
                .because("offline-api is the bottom layer and depends on nothing of ours")
                .check(imported);
    }

    @Test
    void apiUsesOnlyTheJdkAndJackson() {
        noClasses().that().resideInAnyPackage("io.offlinestore", "io.offlinestore.query..", "io.offlinestore.schema..",
                        "io.offlinestore.spi..", "io.offlinestore.internal..", "io.offlinestore.encryption")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "com.fasterxml.jackson..",
                        "io.offlinestore", "io.offlinestore.query..", "io.offlinestore.schema..", "io.offlinestore.spi..",
                        "io.offlinestore.internal..", "io.offlinestore.encryption")
                .check(imported);
    }

    @Test
    void engineDependsOnNoBackendAndNoEncryptionLibrary() {
        noClasses().that().resideInAPackage("io.offlinestore.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.offlinestore.backend..",
                        "com.google.crypto.tink..", "org.mapdb..", "org.apache.derby..", "java.sql..")
                .because("the engine finds backends and encryption through the SPI only")
                .check(imported);
    }

    @Test
    void engineUsesNoInternalsOfTheApiButTheDocumentTreeAccess() {
        noClasses().that().resideInAPackage("io.offlinestore.engine..")
                .should().dependOnClassesThat(resideInAPackage("io.offlinestore.internal..")
                        .and(not(resideInAPackage(DOCUMENT_ACCESS))))
                .because("the engine has its own JSON mapper (EngineJson); the API's helpers may change with it alone")
                .check(imported);
    }

    @Test
    void onlyTheEngineReachesDocumentTreesWithoutCopying() {
        noClasses().that().resideOutsideOfPackages("io.offlinestore", DOCUMENT_ACCESS, "io.offlinestore.engine..")
                .should().dependOnClassesThat().resideInAPackage(DOCUMENT_ACCESS)
                .because("a document's shared tree and adopting a tree are for the engine, which never changes them")
                .check(imported);
    }

    @Test
    void caffeineStaysInsideTheCaches() {
        noClasses().that().resideOutsideOfPackage("io.offlinestore.engine.cache..")
                .and().doNotHaveFullyQualifiedName(PlanCache.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.github.benmanes.caffeine..")
                .because("the document cache is a Guice binding a user can replace and the plan cache is private "
                        + "to the planner; no Caffeine type leaks out of them")
                .check(imported);
    }

    @Test
    void engineFindsTheMigrationRunnerThroughTheSpiOnly() {
        noClasses().that().resideInAPackage("io.offlinestore.engine..")
                .should().dependOnClassesThat().resideInAPackage("io.offlinestore.migrations..")
                .because("the migrations module sits above the engine, which finds its runner with ServiceLoader")
                .check(imported);
    }

    @Test
    void engineInternalsAreLayered() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("wiring").definedBy("io.offlinestore.engine")
                .layer("store").definedBy("io.offlinestore.engine.store..")
                .layer("maintenance").definedBy("io.offlinestore.engine.maintenance..")
                .layer("evict").definedBy("io.offlinestore.engine.evict..")
                .layer("relation").definedBy("io.offlinestore.engine.relation..")
                .layer("tx").definedBy("io.offlinestore.engine.tx..")
                .layer("change").definedBy("io.offlinestore.engine.change..")
                .layer("plan").definedBy("io.offlinestore.engine.plan..")
                .layer("cache").definedBy("io.offlinestore.engine.cache..")
                .layer("catalog").definedBy("io.offlinestore.engine.catalog..")
                .layer("crypto").definedBy("io.offlinestore.engine.crypto..")
                .layer("index").definedBy("io.offlinestore.engine.index..")
                .layer("id").definedBy("io.offlinestore.engine.id..")
                .layer("query").definedBy("io.offlinestore.engine.query..")
                .layer("codec").definedBy("io.offlinestore.engine.codec..")
                .layer("registry").definedBy("io.offlinestore.engine.registry..")
                .whereLayer("wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("store").mayOnlyBeAccessedByLayers("wiring")
                .whereLayer("maintenance").mayOnlyBeAccessedByLayers("store")
                .whereLayer("evict").mayOnlyBeAccessedByLayers("store")
                .whereLayer("relation").mayOnlyBeAccessedByLayers("store")
                .whereLayer("tx").mayOnlyBeAccessedByLayers("store", "maintenance", "evict", "relation")
                .whereLayer("change").mayOnlyBeAccessedByLayers("store", "evict", "tx")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("store", "evict", "relation", "tx")
                .whereLayer("cache").mayOnlyBeAccessedByLayers("wiring", "store", "tx", "plan")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("store", "maintenance", "evict", "relation", "tx",
                        "change", "plan", "cache")
                .whereLayer("crypto").mayOnlyBeAccessedByLayers("store", "maintenance", "evict", "relation", "tx",
                        "plan", "catalog")
                .whereLayer("index").mayOnlyBeAccessedByLayers("store", "maintenance", "tx", "plan", "catalog")
                .whereLayer("id").mayOnlyBeAccessedByLayers("wiring", "store", "maintenance", "evict", "relation",
                        "tx", "plan", "catalog", "crypto", "cache")
                .whereLayer("query").mayOnlyBeAccessedByLayers("store", "maintenance", "evict", "relation", "tx",
                        "plan", "catalog", "crypto", "index", "id")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("wiring", "crypto")
                .check(imported);
    }

    @Test
    void everyEnginePackageIsALayer() {
        Set<String> layered = Set.of("io.offlinestore.engine", "io.offlinestore.engine.store",
                "io.offlinestore.engine.maintenance", "io.offlinestore.engine.evict", "io.offlinestore.engine.relation", "io.offlinestore.engine.tx",
                "io.offlinestore.engine.change", "io.offlinestore.engine.plan", "io.offlinestore.engine.catalog",
                "io.offlinestore.engine.crypto", "io.offlinestore.engine.index", "io.offlinestore.engine.id",
                "io.offlinestore.engine.query", "io.offlinestore.engine.codec", "io.offlinestore.engine.registry",
                "io.offlinestore.engine.cache");
        classes().that().resideInAPackage("io.offlinestore.engine..")
                .should().resideInAnyPackage(layered.toArray(String[]::new))
                .because("a new engine package must be given its place in engineInternalsAreLayered")
                .check(imported);
    }

    @Test
    void enginePackagesHaveNoCycles() {
        slices().matching("io.offlinestore.(engine).(*)..").namingSlices("$2")
                .should().beFreeOfCycles()
                .check(imported);
        noClasses().that().resideInAPackage("io.offlinestore.engine.*..")
                .should().dependOnClassesThat().resideInAPackage("io.offlinestore.engine")
                .because("the wiring package sits on top: nothing below may reach back into it")
                .check(imported);
    }
}
