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

    /**
     * A request holds one connection: the limiter and the lockout create a missing row with one upsert in the
     * request's transaction (KeyedRows), never through RowInserter's transaction of its own, which took a
     * second connection while the first was held, so that enough new clients at once could drain the pool.
     */
    @ArchTest
    static final ArchRule countersCreateRowsInTheRequestsOwnTransaction = noClasses()
            .that()
            .haveSimpleName("JpaRateLimiter")
            .or()
            .haveSimpleName("JpaLoginFailureStore")
            .should()
            .dependOnClassesThat()
            .haveSimpleName("RowInserter");

    @ArchTest
    static final ArchRule hasNoPackageCycles =
            slices().matching("dev.sentinel.auth.persistence.(**)").should().beFreeOfCycles();
}
