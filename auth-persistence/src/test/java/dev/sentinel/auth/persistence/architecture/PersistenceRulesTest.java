package dev.sentinel.auth.persistence.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.sentinel.auth.persistence", importOptions = ImportOption.DoNotIncludeTests.class)
class PersistenceRulesTest {
    /** Persistence is an outbound adapter of the domain's ports: it knows nothing of HTTP. */
    @ArchTest
    static final ArchRule knowsNoHttp = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.sentinel.auth.web..", "jakarta.ws.rs..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule hasNoPackageCycles =
            slices().matching("dev.sentinel.auth.persistence.(**)").should().beFreeOfCycles();
}
