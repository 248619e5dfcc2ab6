package dev.sentinel.auth.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Where a piece of the web module goes, checked: see docs/architecture.md. */
@AnalyzeClasses(packages = "dev.sentinel.auth.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebRulesTest {
    /** Storage is reached through the domain's ports; store failures arrive as domain exceptions. */
    @ArchTest
    static final ArchRule neverTouchesPersistence = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.sentinel.auth.persistence..", "java.sql..", "javax.sql..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule inboundDoesNotReachIntoOutboundAdapters = noClasses()
            .that()
            .resideInAPackage("dev.sentinel.auth.web.inbound..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.sentinel.auth.web.outbound..");

    @ArchTest
    static final ArchRule outboundKnowsNothingOfRequests = noClasses()
            .that()
            .resideInAPackage("dev.sentinel.auth.web.outbound..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.sentinel.auth.web.inbound..", "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule settingsDependOnNoOtherWebPackage = noClasses()
            .that()
            .resideInAPackage("dev.sentinel.auth.web.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.sentinel.auth.web.inbound..",
                    "dev.sentinel.auth.web.outbound..",
                    "dev.sentinel.auth.web.token..",
                    "dev.sentinel.auth.web.wiring..");

    @ArchTest
    static final ArchRule hasNoPackageCycles =
            slices().matching("dev.sentinel.auth.web.(**)").should().beFreeOfCycles();
}
