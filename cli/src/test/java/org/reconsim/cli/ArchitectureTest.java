package org.reconsim.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: models <- engine <- results <- cli; the families stay in their places (docs/ARCHITECTURE.md). */
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
    void mechanismsAndMemoryModelsAreModels() {
        // a family member is science: plain Java in the models, whatever module registers it
        classes().that().implement(org.reconsim.models.mechanism.Mechanism.class)
                .should().resideInAPackage("org.reconsim.models.mechanism..").check(CLASSES);
        classes().that().implement(org.reconsim.models.memory.TraumaMemory.class)
                .should().resideInAPackage("org.reconsim.models.memory..").check(CLASSES);
    }

    @Test
    void instrumentsAnalysesAndFormatsLiveWithTheirFamily() {
        classes().that().implement(org.reconsim.engine.sim.Instrument.Reading.class)
                .should().resideInAPackage("org.reconsim.engine.sim").check(CLASSES);
        classes().that().implement(org.reconsim.results.analysis.EndpointAnalysis.class)
                .should().resideInAPackage("org.reconsim.results.analysis").check(CLASSES);
        classes().that().implement(org.reconsim.results.dataset.DatasetFormat.class)
                .should().resideInAPackage("org.reconsim.results.dataset..").check(CLASSES);
        // analyses are statistics on data: they never reach into the simulation
        noClasses().that().resideInAPackage("org.reconsim.results.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("org.reconsim.engine.sim..", "sim..").check(CLASSES);
    }

    @Test
    void commandsOnlyWire() {
        // the work lives in services and engines; a command never drives the simulation itself
        noClasses().that().resideInAPackage("org.reconsim.cli..").and().haveSimpleNameEndingWith("Command")
                .should().dependOnClassesThat().resideInAnyPackage("org.reconsim.engine.sim..", "sim..").check(CLASSES);
    }

    @Test
    void registriesAndEverythingElseHoldNoMutableStaticState() {
        // registries are loaded once into immutable lists; no other class keeps static state either
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage("org.reconsim..")
                .should().beFinal().check(CLASSES);
    }

    @Test
    void importerSeesOurPackages() {
        // guard: the importer really sees our classes, so the rules above cannot pass vacuously
        org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage("org.reconsim.models.memory")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage("org.reconsim.engine.sim")).isTrue();
    }
}
