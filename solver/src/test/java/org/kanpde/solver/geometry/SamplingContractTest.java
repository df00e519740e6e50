package org.kanpde.solver.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kanpde.solver.geometry.GeometryChecks.assertOnBoundaryWithOutwardNormals;
import static org.kanpde.solver.geometry.GeometryChecks.assertRejects;
import static org.kanpde.solver.geometry.GeometryChecks.assertStrictlyInside;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sampling contract of {@link Domain}, for every domain and scheme. */
class SamplingContractTest {

    static Stream<Arguments> domainsAndSchemes() {
        return GeometryChecks.domains().stream()
                .flatMap(d -> Arrays.stream(SamplingScheme.values()).map(s -> Arguments.of(d, s)));
    }

    static Stream<Domain> domains() {
        return GeometryChecks.domains().stream();
    }

    @ParameterizedTest
    @MethodSource("domainsAndSchemes")
    void interiorPointsAreStrictlyInsideWithDocumentedCount(Domain domain, SamplingScheme scheme) {
        int n = 400;
        PointSet points = domain.sampleInterior(n, scheme, 7L);
        assertStrictlyInside(domain, points);
        boolean isBox = domain instanceof Box;
        if (scheme == SamplingScheme.SOBOL || scheme == SamplingScheme.RANDOM) {
            assertEquals(n, points.size());
        } else if (isBox) {
            int m = Nodes.largestRoot(n, domain.dimension());
            assertEquals(Nodes.power(m, domain.dimension()), points.size());
        } else {
            assertTrue(points.size() <= n, () -> points.size() + " > " + n);
            assertTrue(points.size() >= 0.75 * n, () -> "only " + points.size() + " of about " + n);
        }
    }

    @ParameterizedTest
    @MethodSource("domainsAndSchemes")
    void boundaryPointsLieOnTheBoundaryWithOutwardUnitNormals(Domain domain, SamplingScheme scheme) {
        int n = 200;
        BoundarySample sample = domain.sampleBoundary(n, scheme, 11L);
        assertOnBoundaryWithOutwardNormals(domain, sample);
        if (domain.dimension() == 1) {
            assertEquals(2, sample.size());
        } else if (domain.dimension() >= 3 && scheme != SamplingScheme.SOBOL && scheme != SamplingScheme.RANDOM
                && !(domain instanceof CsgDomain)) {
            assertTrue(sample.size() <= n && sample.size() >= n / 2, () -> "size " + sample.size());
        } else {
            assertEquals(n, sample.size());
        }
    }

    @ParameterizedTest
    @MethodSource("domainsAndSchemes")
    void sameSeedGivesSamePoints(Domain domain, SamplingScheme scheme) {
        assertArrayEquals(domain.sampleInterior(50, scheme, 3L).coordinates(),
                domain.sampleInterior(50, scheme, 3L).coordinates());
        BoundarySample a = domain.sampleBoundary(50, scheme, 3L);
        BoundarySample b = domain.sampleBoundary(50, scheme, 3L);
        assertArrayEquals(a.coordinates(), b.coordinates());
        assertArrayEquals(a.normals(), b.normals());
        assertArrayEquals(a.parts(), b.parts());
    }

    @ParameterizedTest
    @MethodSource("domains")
    void differentSeedsGiveDifferentRandomAndSobolPoints(Domain domain) {
        for (SamplingScheme scheme : new SamplingScheme[] {SamplingScheme.RANDOM, SamplingScheme.SOBOL}) {
            assertFalse(Arrays.equals(domain.sampleInterior(20, scheme, 1L).coordinates(),
                    domain.sampleInterior(20, scheme, 2L).coordinates()), scheme + " interior");
            if (domain.dimension() > 1) {
                assertFalse(Arrays.equals(domain.sampleBoundary(20, scheme, 1L).coordinates(),
                        domain.sampleBoundary(20, scheme, 2L).coordinates()), scheme + " boundary");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("domains")
    void boundaryPointsAreSplitInProportionToPartMeasure(Domain domain) {
        if (domain.dimension() == 1) {
            return;
        }
        int n = 1000;
        BoundarySample sample = domain.sampleBoundary(n, SamplingScheme.RANDOM, 5L);
        double total = 0;
        for (int p = 0; p < domain.boundaryPartCount(); p++) {
            total += domain.boundaryPartMeasure(p);
        }
        for (int p = 0; p < domain.boundaryPartCount(); p++) {
            double expected = n * domain.boundaryPartMeasure(p) / total;
            assertEquals(expected, sample.indicesOfPart(p).length, 1.0, "part " + domain.boundaryPartName(p));
        }
    }

    @ParameterizedTest
    @MethodSource("domains")
    void invalidCountsAndDimensionsAreRejected(Domain domain) {
        for (SamplingScheme scheme : SamplingScheme.values()) {
            assertRejects(() -> domain.sampleInterior(0, scheme, 1L), "got 0");
            assertRejects(() -> domain.sampleBoundary(-3, scheme, 1L), "got -3");
        }
        assertRejects(() -> domain.contains(new double[domain.dimension() + 1]), "got length " + (domain.dimension() + 1));
        assertRejects(() -> domain.containsInterior(new double[0]), "got length 0");
        assertRejects(() -> domain.quadrature(0), "got 0");
        assertRejects(() -> domain.quadrature(2, 0), "got 0");
        assertRejects(() -> domain.boundaryPartName(domain.boundaryPartCount()), "got " + domain.boundaryPartCount());
        assertRejects(() -> domain.boundaryPart("nowhere"), "nowhere");
    }

    @ParameterizedTest
    @MethodSource("domains")
    void nanPointsAreNotContained(Domain domain) {
        double[] z = new double[domain.dimension()];
        z[0] = Double.NaN;
        assertFalse(domain.contains(z));
        assertFalse(domain.containsInterior(z));
    }

    @ParameterizedTest
    @MethodSource("domains")
    void quadratureNodesAreInsideAndWeightsSumToMeasure(Domain domain) {
        var rule = domain.quadrature(4, 2);
        // CSG rules are first order at the cut cells (a few per cent on 2 cells per axis)
        double tolerance = domain instanceof CsgDomain ? 0.05 : 1e-12;
        assertEquals(domain.measure(), rule.totalWeight(), tolerance * domain.measure());
        double[] z = new double[domain.dimension()];
        for (int i = 0; i < rule.size(); i++) {
            rule.point(i, z);
            assertTrue(domain.containsInterior(z), "node " + Arrays.toString(z));
        }
    }

    @ParameterizedTest
    @MethodSource("domains")
    void boundaryPartsAreNamedAndFoundByName(Domain domain) {
        double[] measures = new double[domain.boundaryPartCount()];
        for (int p = 0; p < domain.boundaryPartCount(); p++) {
            assertEquals(p, domain.boundaryPart(domain.boundaryPartName(p)));
            measures[p] = domain.boundaryPartMeasure(p);
        }
        if (domain instanceof CsgDomain) {
            return; // CsgDomainTest checks their part measures against closed forms
        }
        assertArrayEquals(partMeasures(domain), measures, 1e-12, domain.toString());
    }

    /** The measure of every boundary part, from the shape's own description. */
    private static double[] partMeasures(Domain domain) {
        if (domain instanceof Disk disk) {
            return new double[] {2 * Math.PI * disk.radius()};
        }
        if (domain instanceof Ball ball) {
            return new double[] {4 * Math.PI * ball.radius() * ball.radius()};
        }
        if (domain instanceof Polygon polygon) {
            // edge i runs from vertex i to vertex i + 1
            double[] v = polygon.vertices();
            int n = v.length / 2;
            double[] lengths = new double[n];
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                lengths[i] = Math.hypot(v[2 * j] - v[2 * i], v[2 * j + 1] - v[2 * i + 1]);
            }
            return lengths;
        }
        // a box: faces xmin, xmax, ymin, ... measure the product of the other sides (1 for the
        // end points of an interval)
        double[] side = new double[domain.dimension()];
        for (int k = 0; k < side.length; k++) {
            side[k] = domain.upper()[k] - domain.lower()[k];
        }
        double[] faces = new double[2 * side.length];
        for (int f = 0; f < faces.length; f++) {
            faces[f] = 1;
            for (int k = 0; k < side.length; k++) {
                faces[f] *= k == f / 2 ? 1 : side[k];
            }
        }
        return faces;
    }
}
