package com.klarefi.app.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.net.URLDecoder;
import java.util.List;

/**
 * The boundaries of the house style, written once for any root package so the same rules can be
 * shown to fail on a deliberately broken fixture.
 */
final class ArchitectureRules {
    /** What a module of pure computation must not touch: the database, HTTP and jobs. */
    private static final String[] INFRASTRUCTURE = {
        "org.jdbi..",
        "io.helidon..",
        "org.jobrunr..",
        "java.sql..",
        "javax.sql..",
        "java.net.http..",
        "com.zaxxer..",
        "org.postgresql..",
        "org.flywaydb.."
    };

    private ArchitectureRules() {}

    /** Classes outside a module reach it only through its {@code api} package. */
    static ArchRule onlyApiPackagesAreCrossed(String root, List<String> modules) {
        List<ArchRule> rules = modules.stream()
                .map(module -> (ArchRule) noClasses()
                        .that()
                        .resideOutsideOfPackage(root + "." + module + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(root + "." + module + ".internal..")
                        .as("only " + root + "." + module + ".api is used from outside module " + module))
                .toList();
        CompositeArchRule all = CompositeArchRule.of(rules.getFirst());
        for (ArchRule rule : rules.subList(1, rules.size())) {
            all = all.and(rule);
        }
        return all;
    }

    /** Modules may depend on each other, but never in a circle. */
    static ArchRule modulesAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Jdbi belongs to the persistence packages; the rest of a module speaks its own types. */
    static ArchRule jdbiOnlyInDbPackages(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackages("..internal.db..", root + ".platform..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jdbi..")
                .as("Jdbi is used only in ..internal.db.. packages");
    }

    /**
     * Browser forms are decoded in one place, the kernel's web package: a page that decodes its
     * fields itself is a second form parser.
     */
    static ArchRule formsAreDecodedOnlyIn(String root, String webPackage) {
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(webPackage)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(URLDecoder.class.getName())
                .as("form fields are decoded only in " + webPackage);
    }

    /** Business modules never reach into the composition root. */
    static ArchRule modulesDoNotDependOnTheApplication(String root, List<String> modules) {
        String[] packages =
                modules.stream().map(module -> root + "." + module + "..").toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAnyPackage(packages)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".app..")
                .allowEmptyShould(true);
    }

    /**
     * A module of pure computation (extraction) stands on the JDK and its own libraries only: no
     * other module of the product, no platform, no database, HTTP or jobs.
     */
    static ArchRule standsAloneWithoutThePlatform(String root, String module) {
        return noClasses()
                .that()
                .resideInAPackage(root + "." + module + "..")
                .should()
                .dependOnClassesThat(resideInAPackage(root + "..")
                        .and(not(resideInAPackage(root + "." + module + "..")))
                        .or(resideInAnyPackage(INFRASTRUCTURE)))
                .as("module " + module + " depends on no other module, no platform and no infrastructure");
    }
}
