package io.offlinestore.testkit.backend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The layering rules every backend keeps, as ArchUnit rules to check in a backend's own tests:
 * a backend builds on the SPI, never on the engine, and uses no library it does not declare.
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.example.backend", importOptions = ImportOption.DoNotIncludeTests.class)
 * class MyBackendArchitectureTest {
 *     @ArchTest
 *     static final ArchRule independentOfTheEngine = BackendArchitecture.independentOfTheEngine("com.example.backend");
 *     @ArchTest
 *     static final ArchRule usesOnlyItsLibraries = BackendArchitecture.usesOnly("com.example.backend", "org.h2..");
 * }
 * }</pre>
 */
public final class BackendArchitecture {
    private BackendArchitecture() {
    }

    /** No class of the backend's package depends on the engine (it meets the engine through the SPI). */
    public static ArchRule independentOfTheEngine(String backendPackage) {
        return noClasses().that().resideInAPackage(backendPackage + "..")
                .should().dependOnClassesThat().resideInAPackage("io.offlinestore.engine..")
                .because("a backend is found by the engine through the SPI, never the other way round");
    }

    /**
     * The backend's classes use only the JDK, the API and SPI, their own package and the given
     * libraries (ArchUnit package patterns such as {@code "org.mapdb.."}).
     */
    public static ArchRule usesOnly(String backendPackage, String... libraries) {
        List<String> allowed = new ArrayList<>(List.of("java..", "io.offlinestore", "io.offlinestore.spi",
                backendPackage + ".."));
        allowed.addAll(List.of(libraries));
        return classes().that().resideInAPackage(backendPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new));
    }
}
