package uk.frontdoor.infra.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module graph of ARCHITECTURE.md as failing rules, not a sentence in a document:
 * threshold-rules ← triage-api ← triage-service ← infra, and contact-intake and projections see the
 * triage service only through its published language, {@code uk.frontdoor.triage.api}. Maven's
 * dependencies already keep most of this apart; these rules also catch what a dependency added for
 * another reason would let through.
 */
class ModuleBoundariesTest {

    private static final String API = "uk.frontdoor.triage.api..";

    /**
     * Our modules' classes: from their {@code target/classes}, or from their jars when the build has
     * packaged them ({@code verify} puts the reactor's jars on the classpath, not their class folders).
     */
    private static final ImportOption OUR_MODULES = location -> !location.isJar()
            || Stream.of("threshold-rules", "triage-api", "triage-service", "contact-intake", "projections")
            .anyMatch(module -> location.contains("/" + module + "-"));

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(OUR_MODULES)
            .importPackages("uk.frontdoor");

    static final ArchRule EDGES_USE_ONLY_THE_PUBLISHED_API = noClasses()
            .that().resideInAnyPackage("uk.frontdoor.intake..", "uk.frontdoor.projections..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "are in the triage service outside its published API",
                    (com.tngtech.archunit.core.domain.JavaClass target) ->
                            target.getPackageName().startsWith("uk.frontdoor.triage")
                                    && !target.getPackageName().startsWith("uk.frontdoor.triage.api")))
            .because("contact-intake and projections speak to the write side only in its messages");

    static final ArchRule API_KNOWS_NO_TRANSPORT_OR_IMPLEMENTATION = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..",
                    "uk.frontdoor.triage.child..", "uk.frontdoor.triage.staff..", "uk.frontdoor.triage.work..",
                    "uk.frontdoor.intake..", "uk.frontdoor.projections..", "uk.frontdoor.infra..")
            .because("the published language has no HTTP, web, persistence or implementation in it");

    static final ArchRule EDGES_DO_NOT_KNOW_EACH_OTHER = noClasses()
            .that().resideInAPackage("uk.frontdoor.intake..")
            .should().dependOnClassesThat().resideInAPackage("uk.frontdoor.projections..")
            .orShould().dependOnClassesThat().resideInAPackage("uk.frontdoor.infra..");

    static final ArchRule READ_SIDE_DOES_NOT_KNOW_THE_EDGES = noClasses()
            .that().resideInAPackage("uk.frontdoor.projections..")
            .should().dependOnClassesThat().resideInAPackage("uk.frontdoor.intake..")
            .orShould().dependOnClassesThat().resideInAPackage("uk.frontdoor.infra..");

    static final ArchRule RULES_ARE_A_PLAIN_LIBRARY = noClasses()
            .that().resideInAPackage("uk.frontdoor.rules..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework..", "java.sql..", "javax.sql..",
                    "uk.frontdoor.triage..", "uk.frontdoor.intake..", "uk.frontdoor.projections..",
                    "uk.frontdoor.infra..")
            .because("threshold-rules is a library anyone could use without Spring, Axon or a database");

    static final ArchRule WRITE_SIDE_DOES_NOT_KNOW_THE_RUNTIME = noClasses()
            .that().resideInAPackage("uk.frontdoor.triage..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "uk.frontdoor.intake..", "uk.frontdoor.projections..", "uk.frontdoor.infra..");

    @Test
    void theProductionClassesKeepEveryBoundary() {
        assertThat(PRODUCTION.size()).as("classes imported").isGreaterThan(100);
        EDGES_USE_ONLY_THE_PUBLISHED_API.check(PRODUCTION);
        API_KNOWS_NO_TRANSPORT_OR_IMPLEMENTATION.check(PRODUCTION);
        EDGES_DO_NOT_KNOW_EACH_OTHER.check(PRODUCTION);
        READ_SIDE_DOES_NOT_KNOW_THE_EDGES.check(PRODUCTION);
        RULES_ARE_A_PLAIN_LIBRARY.check(PRODUCTION);
        WRITE_SIDE_DOES_NOT_KNOW_THE_RUNTIME.check(PRODUCTION);
    }

    /** The rule is not one that cannot fail: a read-side class importing the aggregate breaks it. */
    @Test
    void aReadSideClassReachingIntoTheAggregateFailsTheBuild() {
        JavaClasses withForbiddenImport = new ClassFileImporter()
                .importPackages("uk.frontdoor.projections.forbidden", "uk.frontdoor.triage.child");

        assertThatThrownBy(() -> EDGES_USE_ONLY_THE_PUBLISHED_API.check(withForbiddenImport))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachesPastTheApi")
                .hasMessageContaining("uk.frontdoor.triage.child.Child");
    }
}
