package org.reconsim.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: models <- engine <- results <- cli (DESIGN.md). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reconsim");

    @Test
    void layersDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("models").definedBy("org.reconsim.models..")
                .layer("engine").definedBy("org.reconsim.engine..")
                .layer("results").definedBy("org.reconsim.results..")
                .layer("cli").definedBy("org.reconsim.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("results").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("results", "cli")
                .whereLayer("models").mayOnlyBeAccessedByLayers("engine", "results", "cli")
                .check(CLASSES);
    }

    @Test
    void masonStaysInsideTheSimulationPackage() {
        noClasses().that().resideOutsideOfPackage("org.reconsim.engine.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("sim..", "ec.util..")
                .check(CLASSES);
    }

    @Test
    void modelsArePlainJava() {
        noClasses().that().resideInAPackage("org.reconsim.models..")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "picocli..", "sim..", "java.io..", "java.nio..")
                .check(CLASSES);
    }

    @Test
    void importerSeesOurPackages() {
        // guard: the importer really sees our classes, so the rules above cannot pass vacuously
        org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage("org.reconsim.models.memory")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage("org.reconsim.engine.sim")).isTrue();
    }
}
