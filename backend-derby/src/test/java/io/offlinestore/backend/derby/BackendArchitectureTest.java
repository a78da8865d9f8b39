package io.offlinestore.backend.derby;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.offlinestore.testkit.backend.BackendArchitecture;

/** The derby backend builds on the SPI, Derby's JDBC data source and the SLF4J API alone. */
@AnalyzeClasses(packages = "io.offlinestore.backend.derby", importOptions = ImportOption.DoNotIncludeTests.class)
class BackendArchitectureTest {
    private static final String PACKAGE = "io.offlinestore.backend.derby";

    @ArchTest
    static final ArchRule independentOfTheEngine = BackendArchitecture.independentOfTheEngine(PACKAGE);

    @ArchTest
    static final ArchRule usesOnlyItsLibraries = BackendArchitecture.usesOnly(PACKAGE, "org.apache.derby.jdbc", "org.slf4j");
}
