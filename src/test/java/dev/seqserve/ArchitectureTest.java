package dev.seqserve;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The architecture of {@code STYLE.md}, checked on the compiled main classes: serving and training
 * never import each other, and the shared {@code artifact} and {@code preprocess} packages import
 * neither of them, nor Spring.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.seqserve");

    private static final String SERVING = "dev.seqserve.serving..";
    private static final String TRAINING = "dev.seqserve.training..";
    private static final String SPRING = "org.springframework..";

    @Test
    void servingDoesNotImportTraining() {
        noClasses().that().resideInAPackage(SERVING)
                .should().dependOnClassesThat().resideInAPackage(TRAINING)
                .because("the artifact folder is the only seam between training and serving")
                .check(MAIN);
    }

    @Test
    void trainingDoesNotImportServing() {
        noClasses().that().resideInAPackage(TRAINING)
                .should().dependOnClassesThat().resideInAPackage(SERVING)
                .because("the artifact folder is the only seam between training and serving")
                .check(MAIN);
    }

    @Test
    void sharedPackagesImportNeitherSideNorSpring() {
        sharedPackagesRule().check(MAIN);
    }

    @Test
    void theRulesSeeEveryPackageAndCatchADependencyThatExists() {
        assertThat(MAIN.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(SERVING))).isNotEmpty();
        assertThat(MAIN.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(TRAINING))).isNotEmpty();
        assertThat(MAIN.that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                "dev.seqserve.artifact..", "dev.seqserve.preprocess.."))).isNotEmpty();
        // Serving does use artifact and Spring, so the same kind of rule written against them must fail.
        ArchRule servingWithoutSpring = noClasses().that().resideInAPackage(SERVING)
                .should().dependOnClassesThat().resideInAPackage(SPRING);
        assertThatThrownBy(() -> servingWithoutSpring.check(MAIN)).isInstanceOf(AssertionError.class);
        ArchRule servingWithoutArtifact = noClasses().that().resideInAPackage(SERVING)
                .should().dependOnClassesThat().resideInAPackage("dev.seqserve.artifact..");
        assertThatThrownBy(() -> servingWithoutArtifact.check(MAIN)).isInstanceOf(AssertionError.class);
    }

    private static ArchRule sharedPackagesRule() {
        return noClasses().that().resideInAnyPackage("dev.seqserve.artifact..", "dev.seqserve.preprocess..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVING, TRAINING, SPRING)
                .because("training and serving share them as plain Java");
    }
}
