package io.offlinestore.encryption.tink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The encryption module builds on the API alone, like a backend: never on the engine. Tink stays
 * behind the SPI implementation, Bouncy Castle behind the passphrase provider.
 */
@AnalyzeClasses(packages = "io.offlinestore.encryption", importOptions = ImportOption.DoNotIncludeTests.class)
class EncryptionArchitectureTest {

    @ArchTest
    static final ArchRule doesNotDependOnTheEngine = noClasses()
            .that().resideInAPackage("io.offlinestore.encryption..")
            .should().dependOnClassesThat().resideInAPackage("io.offlinestore.engine..");

    @ArchTest
    static final ArchRule usesOnlyTheJdkTheApiTinkAndBouncyCastle = classes()
            .that().resideInAPackage("io.offlinestore.encryption..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "javax.crypto..", "io.offlinestore", "io.offlinestore.spi",
                    "io.offlinestore.encryption..", "com.google.crypto.tink..", "org.bouncycastle..");

    @ArchTest
    static final ArchRule tinkOnlyInTheFieldCipher = noClasses()
            .that().resideOutsideOfPackage("io.offlinestore.encryption.tink")
            .should().dependOnClassesThat().resideInAPackage("com.google.crypto.tink..");

    @ArchTest
    static final ArchRule bouncyCastleOnlyInTheKeyDerivation = noClasses()
            .that().resideOutsideOfPackage("io.offlinestore.encryption.tink.internal")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..");
}
