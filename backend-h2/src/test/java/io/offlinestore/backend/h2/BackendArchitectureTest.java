package io.offlinestore.backend.h2;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.offlinestore.testkit.backend.BackendArchitecture;

/** The h2 backend builds on the SPI and H2's MVStore alone, never on the engine. */
@AnalyzeClasses(packages = "io.offlinestore.backend.h2", importOptions = ImportOption.DoNotIncludeTests.class)
class BackendArchitectureTest {
    private static final String PACKAGE = "io.offlinestore.backend.h2";

    @ArchTest
    static final ArchRule independentOfTheEngine = BackendArchitecture.independentOfTheEngine(PACKAGE);

    @ArchTest
    static final ArchRule usesOnlyItsLibraries = BackendArchitecture.usesOnly(PACKAGE, "org.h2.mvstore..");
}
