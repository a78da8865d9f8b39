package io.offlinestore.backend.memory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.offlinestore.testkit.backend.BackendArchitecture;

/** Backends build on the SPI alone, never on the engine, nor on any library. */
@AnalyzeClasses(packages = "io.offlinestore.backend.memory", importOptions = ImportOption.DoNotIncludeTests.class)
class BackendArchitectureTest {
    private static final String PACKAGE = "io.offlinestore.backend.memory";

    @ArchTest
    static final ArchRule independentOfTheEngine = BackendArchitecture.independentOfTheEngine(PACKAGE);

    @ArchTest
    static final ArchRule usesOnlyItsLibraries = BackendArchitecture.usesOnly(PACKAGE);
}
