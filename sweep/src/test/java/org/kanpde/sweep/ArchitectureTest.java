package org.kanpde.sweep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/** Spark stays in this module: no library or cli class touches it, and the sweep package sits on top. */
class ArchitectureTest {
    private static final ImportOption MAIN_CLASSES = location -> !location.contains("/test-classes/")
            && !location.contains("-tests.jar");

    @Test
    void sparkIsUsedOnlyByTheSweepModule() {
        JavaClasses classes = new ClassFileImporter().withImportOption(MAIN_CLASSES).importPackages("org.kanpde");
        assertTrue(classes.contain("org.kanpde.cli.bench.SweepPlan") && classes.contain(SweepMain.class.getName()));
        noClasses().that().resideOutsideOfPackage("org.kanpde.sweep..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.kanpde.sweep..")
                .should().dependOnClassesThat().resideInAPackage("org.kanpde.sweep..")
                .check(classes);
        slices().matching("org.kanpde.(**)").namingSlices("$1").should().beFreeOfCycles().check(classes);
    }
}
