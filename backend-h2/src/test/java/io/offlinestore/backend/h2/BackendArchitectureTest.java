package io.offlinestore.backend.h2;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Backends build on the SPI alone, never on the engine; this one adds H2's MVStore and nothing else. */
@AnalyzeClasses(packages = "io.offlinestore.backend", importOptions = ImportOption.DoNotIncludeTests.class)
class BackendArchitectureTest {

    @ArchTest
    static final ArchRule backendsDoNotDependOnTheEngine = noClasses()
            .that().resideInAPackage("io.offlinestore.backend..")
            .should().dependOnClassesThat().resideInAPackage("io.offlinestore.engine..");

    @ArchTest
    static final ArchRule backendsUseOnlyTheJdkTheApiAndMvStore = classes()
            .that().resideInAPackage("io.offlinestore.backend..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "io.offlinestore", "io.offlinestore.spi", "io.offlinestore.backend..", "org.h2.mvstore..");
}
