package com.klarefi.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final List<String> MODULES = List.of(
            "auth", "ratelimit", "cases", "extraction", "processing", "webhooks", "erasure", "intake", "console");
    private static JavaClasses product;
    private static JavaClasses brokenFixture;

    @BeforeAll
    static void importClasses() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.klarefi");
        brokenFixture = new ClassFileImporter().importPackages("com.klarefi.app.archfixture");
    }

    @Test
    void theProductIsImported() {
        assertThat(product.containPackage("com.klarefi.platform.http")).isTrue();
        for (String module : MODULES) {
            assertThat(product.containPackage("com.klarefi." + module + ".api"))
                    .as(module)
                    .isTrue();
        }
    }

    @Test
    void modulesAreReachedOnlyThroughTheirApi() {
        ArchitectureRules.onlyApiPackagesAreCrossed("com.klarefi", MODULES).check(product);
    }

    @Test
    void modulesHaveNoDependencyCycles() {
        ArchitectureRules.modulesAreFreeOfCycles("com.klarefi").check(product);
    }

    @Test
    void jdbiStaysInPersistencePackages() {
        ArchitectureRules.jdbiOnlyInDbPackages("com.klarefi").check(product);
    }

    @Test
    void modulesDoNotDependOnTheApplication() {
        ArchitectureRules.modulesDoNotDependOnTheApplication("com.klarefi", MODULES)
                .check(product);
    }

    @Test
    void extractionDependsOnNothingOfThePlatform() {
        ArchitectureRules.standsAloneWithoutThePlatform("com.klarefi", "extraction")
                .check(product);
    }

    @Test
    void formsAreDecodedOnlyByTheKernelsWebPackage() {
        ArchitectureRules.formsAreDecodedOnlyIn("com.klarefi", "com.klarefi.platform.web")
                .check(product);
    }

    @Test
    void theConsoleIsAModuleAndTheApplicationHoldsNoPagesOfItsOwn() {
        assertThat(product.containPackage("com.klarefi.console.internal")).isTrue();
        assertThat(product.containPackage("com.klarefi.app.dashboard")).isFalse();
    }

    @Test
    void theFormRuleCatchesAModuleDecodingFormsItself() {
        EvaluationResult result = ArchitectureRules.formsAreDecodedOnlyIn(
                        "com.klarefi.app.archfixture", "com.klarefi.app.archfixture.alpha.api")
                .evaluate(brokenFixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("Intruder"));
    }

    @Test
    void theBoundaryRuleCatchesAModuleReachingIntoAnothersInternals() {
        EvaluationResult result = ArchitectureRules.onlyApiPackagesAreCrossed(
                        "com.klarefi.app.archfixture", List.of("alpha", "beta"))
                .evaluate(brokenFixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("Intruder").contains("alpha.internal.Hidden"));
    }

    @Test
    void theCycleRuleCatchesTwoModulesThatNeedEachOther() {
        EvaluationResult result = ArchitectureRules.modulesAreFreeOfCycles("com.klarefi.app.archfixture")
                .evaluate(brokenFixture);

        assertThat(result.hasViolation()).isTrue();
    }

    @Test
    void theJdbiRuleCatchesJdbiOutsidePersistence() {
        EvaluationResult result = ArchitectureRules.jdbiOnlyInDbPackages("com.klarefi.app.archfixture")
                .evaluate(brokenFixture);

        assertThat(result.hasViolation()).isTrue();
    }

    @Test
    void theStandAloneRuleCatchesAModuleThatUsesAnotherModuleOrTheDatabase() {
        EvaluationResult result = ArchitectureRules.standsAloneWithoutThePlatform("com.klarefi.app.archfixture", "beta")
                .evaluate(brokenFixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("Intruder").contains("alpha.internal.Hidden"))
                .anySatisfy(line -> assertThat(line).contains("Intruder").contains("org.jdbi"));
    }
}
