package io.offlinestore.backend.mapdb;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.offlinestore.testkit.backend.BackendArchitecture;

/** The mapdb backend builds on the SPI and MapDB alone, never on the engine. */
@AnalyzeClasses(packages = "io.offlinestore.backend.mapdb", importOptions = ImportOption.DoNotIncludeTests.class)
class BackendArchitectureTest {
    private static final String PACKAGE = "io.offlinestore.backend.mapdb";

    @ArchTest
    static final ArchRule independentOfTheEngine = BackendArchitecture.independentOfTheEngine(PACKAGE);

    @ArchTest
    static final ArchRule usesOnlyItsLibraries = BackendArchitecture.usesOnly(PACKAGE, "org.mapdb..");
}
