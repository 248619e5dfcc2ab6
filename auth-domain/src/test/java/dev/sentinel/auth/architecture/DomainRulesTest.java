package dev.sentinel.auth.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is the center: plain Java, so that its rules read and test without any container. */
@AnalyzeClasses(packages = "dev.sentinel.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainRulesTest {
    @ArchTest
    static final ArchRule dependsOnNothingButTheJdk = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("dev.sentinel.auth..", "java..", "javax.crypto.."); // javax.crypto: the JDK's JCA

    @ArchTest
    static final ArchRule hasNoPackageCycles =
            slices().matching("dev.sentinel.auth.(**)").should().beFreeOfCycles();
}
