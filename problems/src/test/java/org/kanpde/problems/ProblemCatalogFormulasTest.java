package org.kanpde.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kanpde.problems.formula.Formula;
import org.kanpde.solver.geometry.PointSet;
import org.kanpde.solver.geometry.SamplingScheme;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;

/**
 * Every catalogue field names its formula (reports print it), and the formula, read by the
 * problem-file parser, gives the field's values: the text cannot drift from the code.
 */
class ProblemCatalogFormulasTest {

    static Stream<String> ids() {
        return ProblemCatalog.ids().stream();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyFieldsFormulaGivesItsValues(String id) {
        Problem p = ProblemCatalog.get(id);
        int d = p.dimension();
        List<Field> fields = new ArrayList<>(List.of(p.exactSolution(), p.source(), p.diffusion(), p.reaction()));
        for (int part = 0; part < p.domain().boundaryPartCount(); part++) {
            fields.add(p.boundaryCondition(part).data());
        }
        PointSet points = p.domain().sampleInterior(40, SamplingScheme.SOBOL, 5);
        for (Field f : fields) {
            String text = f.toString();
            assertFalse(text.contains("@") || text.contains("Lambda") || text.equals("field given by values"),
                    id + ": a field without a formula: " + text);
            Formula formula = Formula.parse(text, d);
            for (int i = 0; i < points.size(); i++) {
                double[] z = points.point(i);
                if (id.equals("lshape") && Math.hypot(z[0], z[1]) < 1e-6) {
                    continue;
                }
                double expected = f.value(z);
                assertEquals(expected, formula.evaluate(z), 1e-12 * (1 + Math.abs(expected)), id + ": '" + text + "' at "
                        + java.util.Arrays.toString(z));
            }
        }
    }
}
