package io.offlinestore.backend.derby;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The derby backend builds on the SPI, Derby's JDBC data source and the SLF4J API alone. */
@AnalyzeClasses(packages = "io.offlinestore.backend", importOptions = ImportOption.DoNotIncludeTests.class)
class BackendArchitectureTest {

    @ArchTest
    static final ArchRule backendsDoNotDependOnTheEngine = noClasses()
            .that().resideInAPackage("io.offlinestore.backend..")
            .should().dependOnClassesThat().resideInAPackage("io.offlinestore.engine..");

    @ArchTest
    static final ArchRule backendUsesOnlyTheJdkTheApiDerbyJdbcAndSlf4j = classes()
            .that().resideInAPackage("io.offlinestore.backend..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "io.offlinestore", "io.offlinestore.spi", "io.offlinestore.backend..",
                    "org.apache.derby.jdbc", "org.slf4j");
}
