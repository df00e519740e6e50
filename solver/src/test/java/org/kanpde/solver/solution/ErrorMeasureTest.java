package org.kanpde.solver.solution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kanpde.net.parallel.ParallelRunner;
import org.kanpde.solver.TestProblems;
import org.kanpde.solver.geometry.Box;
import org.kanpde.solver.geometry.Disk;
import org.kanpde.solver.geometry.Domain;
import org.kanpde.solver.geometry.Polygon;
import org.kanpde.solver.problem.BoundaryCondition;
import org.kanpde.solver.problem.Field;
import org.kanpde.solver.problem.Problem;
import org.kanpde.solver.quadrature.QuadratureRule;

/**
 * The error measure against closed forms: for u = u* + eps psi the errors are
 * {@code relL2 = eps ||psi|| / ||u*||}, {@code h1Rel = eps ||grad psi|| / ||grad u*||} and
 * {@code maxAbs = eps max|psi|} over the nodes. u* and psi are polynomials of low degree, so the
 * rules used integrate their squares exactly and the integrals below are elementary (worked out
 * in the comments); only rounding separates the measure from them.
 */
class ErrorMeasureTest {
    private static final double EPS = 1e-3;
    /** Rounding of u - u* (|u*| ~ 1, eps ~ 1e-3) leaves about 1e-13 relative; 1e-10 is tight. */
    private static final double REL = 1e-10;
    private static final ParallelRunner RUNNER = new ParallelRunner(2);

    @AfterAll
    static void closeRunner() {
        RUNNER.close();
    }

    private static Problem problem(Domain domain, Field exact) {
        return Problem.builder().name("closed-form").domain(domain).source(Field.constant(0))
                .boundary(BoundaryCondition.dirichlet(exact)).exact(exact).build();
    }

    /** u* + eps psi as a smooth 2-D field. */
    private static Field perturbed(Function<DerivativeStructure[], DerivativeStructure> exact,
                                   Function<DerivativeStructure[], DerivativeStructure> psi, double eps) {
        return Field.smooth(2, z -> exact.apply(z).add(psi.apply(z).multiply(eps)));
    }

    private static ErrorMetrics measure(Problem p, QuadratureRule rule, Field approximation) {
        return new ErrorMeasure(p, rule).measure(new FieldTrialFunction(p.dimension(), approximation), RUNNER);
    }

    /** max over the rule's nodes of |f|, computed apart from the measure. */
    private static double nodeMax(QuadratureRule rule, ToDoubleFunction<double[]> f) {
        double[] z = new double[rule.dimension()];
        double max = 0;
        for (int i = 0; i < rule.size(); i++) {
            rule.point(i, z);
            max = Math.max(max, Math.abs(f.applyAsDouble(z)));
        }
        return max;
    }

    private static void assertRelativelyClose(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.abs(expected), what);
    }

    // unit square [0,1]^2: u* = x + y, psi = 16 x(1-x) y(1-y)
    private static DerivativeStructure squareExact(DerivativeStructure[] z) {
        return z[0].add(z[1]);
    }

    private static DerivativeStructure bubble(DerivativeStructure[] z) {
        return z[0].multiply(z[0].negate().add(1)).multiply(z[1]).multiply(z[1].negate().add(1)).multiply(16);
    }

    @Test
    void onTheUnitSquareABubblePerturbationHasTheClosedFormErrors() {
        // ||u*||^2 = 1/3 + 2 (1/2)(1/2) + 1/3 = 7/6, ||grad u*||^2 = |(1, 1)|^2 * area = 2;
        // int_0^1 x^2 (1-x)^2 = 1/30 and int_0^1 (1-2x)^2 = 1/3, so ||psi||^2 = 256/900 (||psi|| = 8/15)
        // and ||grad psi||^2 = 2 * 256 (1/3)(1/30) = 256/45; psi peaks at 1 in the centre, which is
        // the middle node of the 5-point Gauss rule (exact to degree 9 per variable)
        Problem p = problem(new Box(new double[] {0, 0}, new double[] {1, 1}), Field.smooth(2, ErrorMeasureTest::squareExact));
        QuadratureRule rule = p.domain().quadrature(5, 1);
        ErrorMetrics m = measure(p, rule, perturbed(ErrorMeasureTest::squareExact, ErrorMeasureTest::bubble, EPS));
        assertRelativelyClose(EPS * (8.0 / 15) / Math.sqrt(7.0 / 6), m.relL2(), "relative L2");
        assertRelativelyClose(EPS * Math.sqrt(256.0 / 45) / Math.sqrt(2), m.h1Rel(), "relative H1");
        assertRelativelyClose(EPS, m.maxAbs(), "max");
        assertEquals(25, m.nodes());
    }

    // unit disk: u* = 1 - x^2 - y^2, psi = x y
    private static DerivativeStructure paraboloid(DerivativeStructure[] z) {
        return z[0].multiply(z[0]).add(z[1].multiply(z[1])).negate().add(1);
    }

    private static DerivativeStructure saddle(DerivativeStructure[] z) {
        return z[0].multiply(z[1]);
    }

    @Test
    void onTheUnitDiskASaddlePerturbationHasTheClosedFormErrors() {
        // in polar coordinates: ||u*||^2 = 2 pi int_0^1 (1-r^2)^2 r dr = pi/3,
        // ||grad u*||^2 = 2 pi int_0^1 4 r^2 r dr = 2 pi; psi = r^2 cos sin, so
        // ||psi||^2 = int_0^1 r^5 dr * int cos^2 sin^2 = (1/6)(pi/4) = pi/24 and |grad psi|^2 = r^2,
        // ||grad psi||^2 = 2 pi / 4 = pi/2. The rule (4 radial nodes, 2 shells, 16 angles) is exact to
        // total degree 6. Hence relL2 = eps sqrt(1/8) and h1Rel = eps / 2.
        Problem p = problem(Disk.unit(), Field.smooth(2, ErrorMeasureTest::paraboloid));
        QuadratureRule rule = p.domain().quadrature(4, 2);
        ErrorMetrics m = measure(p, rule, perturbed(ErrorMeasureTest::paraboloid, ErrorMeasureTest::saddle, EPS));
        assertRelativelyClose(EPS / Math.sqrt(8), m.relL2(), "relative L2");
        assertRelativelyClose(EPS / 2, m.h1Rel(), "relative H1");
        // |x y| peaks at 1/2 on the rim (r = 1, 45 degrees), where no node lies: the nodes see a bit less
        double nodes = nodeMax(rule, z -> EPS * z[0] * z[1]);
        assertRelativelyClose(nodes, m.maxAbs(), "max over the nodes");
        assertTrue(m.maxAbs() > 0.8 * EPS / 2 && m.maxAbs() <= EPS / 2, "max " + m.maxAbs());
        assertEquals(4 * 2 * 16, m.nodes());
    }

    // L-shape [-1,1]^2 minus [0,1] x [-1,0]: u* = x y, psi = x + y
    private static DerivativeStructure sum(DerivativeStructure[] z) {
        return z[0].add(z[1]);
    }

    @Test
    void onTheLShapeALinearPerturbationHasTheClosedFormErrors() {
        // the L is three unit squares: A = [-1,0] x [0,1], B = [0,1]^2, C = [-1,0]^2.
        // ||x y||^2 = 3 (1/3)(1/3) = 1/3; ||grad(x y)||^2 = int x^2 + y^2 = 3 (2/3) = 2;
        // ||x + y||^2 = sum over the squares of 1/3 + 1/3 + 2 int x int y = 1/6 + 7/6 + 7/6 = 5/2;
        // ||grad(x + y)||^2 = 2 * 3 = 6. Hence relL2 = eps sqrt(15/2) and h1Rel = eps sqrt(3).
        // The triangle rule (4 points per direction) is exact to total degree 6.
        Problem p = problem(Polygon.lShape(), Field.smooth(2, ErrorMeasureTest::saddle));
        QuadratureRule rule = p.domain().quadrature(4, 2);
        ErrorMetrics m = measure(p, rule, perturbed(ErrorMeasureTest::saddle, ErrorMeasureTest::sum, EPS));
        assertRelativelyClose(EPS * Math.sqrt(15.0 / 2), m.relL2(), "relative L2");
        assertRelativelyClose(EPS * Math.sqrt(3), m.h1Rel(), "relative H1");
        // |x + y| peaks at 2 in the corners (1, 1) and (-1, -1), which are vertices, not nodes
        double nodes = nodeMax(rule, z -> EPS * (z[0] + z[1]));
        assertRelativelyClose(nodes, m.maxAbs(), "max over the nodes");
        assertTrue(m.maxAbs() > 0.9 * 2 * EPS && m.maxAbs() < 2 * EPS, "max " + m.maxAbs());
        assertEquals(4 * 4 * 16, m.nodes(), "4 triangles, 4 sub-triangles each, 16 nodes each");
    }

    @Test
    void theExactSolutionItselfHasNoError() {
        Field square = Field.smooth(2, ErrorMeasureTest::squareExact);
        Field disk = Field.smooth(2, ErrorMeasureTest::paraboloid);
        Field l = Field.smooth(2, ErrorMeasureTest::saddle);
        for (Problem p : new Problem[] {problem(Box.cube(2, 0, 1), square), problem(Disk.unit(), disk),
                problem(Polygon.lShape(), l), TestProblems.poisson2dSin()}) {
            ErrorMetrics m = measure(p, p.domain().quadrature(4, 2), p.exactSolution());
            assertEquals(new ErrorMetrics(0, 0, 0, m.nodes()), m, p.domain().toString());
        }
    }

    @Test
    void aConstantOffsetIsInTheL2AndMaxErrorsButNotInTheH1Seminorm() {
        // u* = sin(pi x) sin(pi y) on [-1,1]^2: ||u*||^2 = (int_{-1}^{1} sin^2(pi x) dx)^2 = 1, and the
        // offset c has ||c|| = c * sqrt(area) = 2c; the gradients agree exactly
        Problem p = TestProblems.poisson2dSin();
        double c = 0.01;
        Field offset = new Field() {
            @Override
            public double value(double[] z) {
                return p.exactSolution().value(z) + c;
            }

            @Override
            public boolean hasDerivatives() {
                return true;
            }

            @Override
            public void derivatives(double[] z, double[] out) {
                p.exactSolution().derivatives(z, out);
                out[0] += c;
            }
        };
        ErrorMetrics m = measure(p, p.domain().quadrature(8, 4), offset);
        assertRelativelyClose(2 * c, m.relL2(), "relative L2");
        assertRelativelyClose(c, m.maxAbs(), "max");
        assertEquals(0.0, m.h1Rel(), 0.0);
    }

    @Test
    void againstAZeroExactSolutionTheL2AndH1ErrorsAreAbsolute() {
        // ||psi|| = 8/15 and ||grad psi|| = sqrt(256/45) as on the unit square above
        Problem p = problem(Box.cube(2, 0, 1), Field.constant(0));
        ErrorMetrics m = measure(p, p.domain().quadrature(5, 1), Field.smooth(2, ErrorMeasureTest::bubble));
        assertRelativelyClose(8.0 / 15, m.relL2(), "L2");
        assertRelativelyClose(Math.sqrt(256.0 / 45), m.h1Rel(), "H1");
        assertRelativelyClose(1, m.maxAbs(), "max");
    }

    @Test
    void withoutAnExactGradientTheH1ErrorIsNaN() {
        Field exact = Field.of(z -> z[0] + z[1]);
        Problem p = problem(Box.cube(2, 0, 1), exact);
        ErrorMetrics m = measure(p, p.domain().quadrature(5, 1),
                perturbed(ErrorMeasureTest::squareExact, ErrorMeasureTest::bubble, EPS));
        assertRelativelyClose(EPS * (8.0 / 15) / Math.sqrt(7.0 / 6), m.relL2(), "relative L2");
        assertRelativelyClose(EPS, m.maxAbs(), "max");
        assertTrue(Double.isNaN(m.h1Rel()), "H1 " + m.h1Rel());
    }

    @Test
    void aNaNValueOfTheApproximationMakesTheMaxNaN() {
        // Math.max would drop a NaN only if it came first; the measure must not hide one anywhere
        Problem p = problem(Box.cube(2, 0, 1), Field.smooth(2, ErrorMeasureTest::squareExact));
        Field broken = Field.smooth(2, z -> z[0].getValue() > 0.9 ? z[0].sqrt().multiply(Double.NaN) : squareExact(z));
        ErrorMetrics m = measure(p, p.domain().quadrature(5, 1), broken);
        assertTrue(Double.isNaN(m.maxAbs()), "max " + m.maxAbs());
        assertTrue(Double.isNaN(m.relL2()), "relative L2 " + m.relL2());
    }

    private static Problem withExact(Field exact) {
        return Problem.builder().name("bad-exact").domain(Box.cube(2, -1, 1)).source(Field.constant(1))
                .boundary(BoundaryCondition.dirichlet(Field.constant(0))).exact(exact).build();
    }

    @Test
    void aNonFiniteExactValueIsReportedWithTheNode() {
        Problem p = withExact(Field.of(z -> Math.sqrt(z[0])));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ErrorMeasure(p, p.domain().quadrature(4, 2)));
        assertTrue(e.getMessage().startsWith("the exact solution of problem 'bad-exact' is NaN at the quadrature node (-"),
                e.getMessage());
    }

    @Test
    void aNonFiniteExactGradientIsReportedToo() {
        // finite values, and a gradient that is NaN where x < 0
        Field u = new Field() {
            @Override
            public double value(double[] z) {
                return z[0];
            }

            @Override
            public boolean hasDerivatives() {
                return true;
            }

            @Override
            public void derivatives(double[] z, double[] out) {
                out[0] = z[0];
                out[1] = z[0] < 0 ? Double.NaN : 1;
                out[2] = 0;
                out[3] = 0;
                out[4] = 0;
            }
        };
        Problem p = withExact(u);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ErrorMeasure(p, p.domain().quadrature(4, 2)));
        assertTrue(e.getMessage().contains("has a gradient component 0 of NaN at the quadrature node (-"), e.getMessage());
    }

    @Test
    void aRuleOfAnotherDimensionIsRejected() {
        Problem p = TestProblems.poisson2dSin();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ErrorMeasure(p, Box.interval(-1, 1).quadrature(4, 1)));
        assertEquals("quadrature rule is 1-D, the problem is 2-D", e.getMessage());
    }

    @Test
    void errorsAtReferencePointsArePinnaclesRelativeL2AndTheMaxError() {
        // three points, reference values 1, 2, 2; the approximation u = x + 0.1 y is off by 0.1 y
        double[] pts = {1, 0, 2, 1, 2, -2};
        org.kanpde.solver.problem.ReferenceData data = new org.kanpde.solver.problem.ReferenceData("t.dat", 2, pts,
                new double[] {1, 2, 2});
        ErrorMeasure measure = ErrorMeasure.atPoints(data);
        assertTrue(measure.isAtPoints());
        ErrorMetrics m = measure.measure(new FieldTrialFunction(2, Field.smooth(2, z -> z[0].add(z[1].multiply(0.1)))), RUNNER);
        assertEquals(Math.sqrt((0.01 + 0.04) / 9), m.relL2(), 1e-15);
        assertEquals(0.2, m.maxAbs(), 1e-15);
        assertTrue(Double.isNaN(m.h1Rel()));
        assertEquals(3, m.nodes());
        assertThrows(IllegalArgumentException.class, () -> new org.kanpde.solver.problem.ReferenceData("t.dat", 2, pts,
                new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new org.kanpde.solver.problem.ReferenceData("t.dat", 2, pts,
                new double[] {1, 2, Double.NaN}));
    }
}
