package org.kanpde.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kanpde.cli.console.Interrupts;
import org.kanpde.cli.console.BadInputException;

/**
 * The package map as rules: no package cycles in main code, and the modules' root packages depend
 * only downward (net, then solver, then problems, plots and interpret, then cli with its bench
 * command). The cli module's tests see every main module except benchmarks, which nothing may
 * depend on anyway: Maven's module graph keeps it on top.
 */
class ArchitectureTest {
    /** Main classes only: the test classes and test jars of the modules are on this classpath too. */
    private static final ImportOption MAIN_CLASSES = location -> !location.contains("/test-classes/")
            && !location.contains("-tests.jar");

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(MAIN_CLASSES).importPackages("org.kanpde");
    }

    @Test
    void theImportSeesEveryMainModuleAndNoTestClass() {
        // the rules below would pass on nothing: make sure they see what they are about
        for (String name : new String[] {"org.kanpde.net.kan.Kan", "org.kanpde.solver.PdeSolver",
            "org.kanpde.problems.ProblemCatalog", "org.kanpde.plots.HtmlReport", "org.kanpde.cli.KanPde",
            "org.kanpde.cli.bench.BenchCommand"}) {
            assertTrue(classes.contain(name), name);
        }
        assertFalse(classes.contain("org.kanpde.solver.TestProblems"), "a test class was imported");
        assertFalse(classes.contain(ArchitectureTest.class), "a test class was imported");
    }

    /** Every package is a slice, and no slice may depend on itself through others. */
    @Test
    void mainPackagesAreFreeOfCycles() {
        slices().matching("org.kanpde.(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void modulesDependOnlyDownward() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.kanpde..")
                .withOptionalLayers(true)
                .layer("net").definedBy("org.kanpde.net..")
                .layer("solver").definedBy("org.kanpde.solver..")
                .layer("problems").definedBy("org.kanpde.problems..")
                .layer("plots").definedBy("org.kanpde.plots..")
                // the module the kan-net compaction creates for symbolic regression and pruning
                .layer("interpret").definedBy("org.kanpde.interpret..")
                .layer("cli").definedBy("org.kanpde.cli..")
                .layer("bench").definedBy("org.kanpde.bench..")
                .whereLayer("bench").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("plots").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("problems").mayOnlyBeAccessedByLayers("cli", "bench")
                .whereLayer("interpret").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("solver").mayOnlyBeAccessedByLayers("problems", "plots", "interpret", "cli", "bench")
                .whereLayer("net").mayOnlyBeAccessedByLayers("solver", "problems", "plots", "interpret", "cli", "bench")
                .check(classes);
    }
}
