package org.reconsim.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * spark depends on engine and results (and models through them), Spark and the JDK; nothing depends
 * on spark (docs/ARCHITECTURE.md, Modules). The cli module's ArchitectureTest cannot see these classes, this one sees all
 * of reconsim's (cli is on this module's runtime class path).
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.reconsim");

    @Test
    void sparkDependsOnlyOnEngineResultsModelsSparkAndTheJdk() {
        classes().that().resideInAPackage("org.reconsim.spark..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.reconsim.spark..", "org.reconsim.results..",
                        "org.reconsim.engine..", "org.reconsim.models..", "org.apache.spark..", "scala..", "java..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnSpark() {
        noClasses().that().resideOutsideOfPackage("org.reconsim.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.reconsim.spark..")
                .check(CLASSES);
    }

    @Test
    void importerSeesEveryModule() {
        // guard: the rules above cannot pass vacuously
        assertThat(CLASSES.containPackage("org.reconsim.spark")).isTrue();
        assertThat(CLASSES.containPackage("org.reconsim.cli")).isTrue();
        assertThat(CLASSES.containPackage("org.reconsim.results.power")).isTrue();
        assertThat(CLASSES.containPackage("org.reconsim.engine.sim")).isTrue();
    }
}
