package org.kanpde.solver.geometry;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kanpde.solver.geometry.GeometryChecks.assertRejects;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Domains whose strict interior (farther than the tolerance from the boundary) is empty or tiny:
 * rejected when built, or by sampling within seconds, never an endless loop.
 */
class ThinDomainTest {
    private static final Duration QUICK = Duration.ofSeconds(20);

    /** The grid schemes search a resolution; on such a needle the search is bounded too. */
    @Test
    void the_grid_search_on_a_needle_is_bounded() {
        Polygon needle = new Polygon(new double[] {0, 0, 1, 1, 1, 1 + 1e-6, 0, 1e-6});
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(IllegalArgumentException.class, () -> needle.sampleInterior(40, SamplingScheme.UNIFORM_GRID, 1)));
        assertTrue(e.getMessage().startsWith("cannot choose a uniform_grid grid of about 40 interior points of the polygon"),
                e.getMessage());
    }

    @Test
    void slivers_thinner_than_the_tolerance_band_are_rejected_when_built() {
        // height 1e-11: no point is farther than the tolerance 1e-10 from the edges
        assertTimeoutPreemptively(QUICK, () -> assertRejects(
                () -> new Polygon(new double[] {0, 0, 1, 0, 0.5, 1e-11}), "polygon is too thin"));
        assertTimeoutPreemptively(QUICK, () -> assertRejects(
                () -> new Box(new double[] {0, 0}, new double[] {1, 1e-11}), "box is too thin: side 1.0E-11 on axis 1"));
        assertRejects(() -> new Box(new double[] {0, 0, 0}, new double[] {1, 1, 1e-9}), "axis 2");
        assertRejects(() -> new Box(new double[] {-1e308, 0}, new double[] {1e308, 1}), "overflows");
        // zero area keeps its own message
        assertRejects(() -> new Polygon(new double[] {0, 0, 1, 1e-20, 2, 0}), "degenerate");
    }

    /** The degeneracy tests match the tolerance: whatever passes them can be sampled. */
    @ParameterizedTest
    @EnumSource(SamplingScheme.class)
    void domains_just_inside_the_limits_sample_quickly(SamplingScheme scheme) {
        // area 6 times perimeter times tolerance, and an aspect ratio of 9e8
        double h = 2 * 6 * (2 + 2e-9) * 1e-10;
        Polygon sliver = new Polygon(new double[] {0, 0, 1, 0, 0.5, h});
        Box slab = new Box(new double[] {0, 0}, new double[] {1, 1.0 / 9e8});
        for (Domain domain : new Domain[] {sliver, slab}) {
            PointSet points = assertTimeoutPreemptively(QUICK, () -> domain.sampleInterior(100, scheme, 3));
            assertTrue(points.size() >= 1, domain + " " + scheme);
            if (domain instanceof Box && scheme.isTensor()) {
                // the full tensor grid of a box: its nodes are inside, if not all beyond the tolerance
                for (int i = 0; i < points.size(); i++) {
                    assertTrue(domain.contains(points.point(i)), domain + " " + scheme);
                }
            } else {
                GeometryChecks.assertStrictlyInside(domain, points);
            }
        }
    }

    /** A needle along the diagonal: a fine strict interior, but a millionth of its bounding box. */
    @ParameterizedTest
    @EnumSource(value = SamplingScheme.class, names = {"RANDOM", "SOBOL"})
    void sampling_a_domain_that_fills_almost_none_of_its_bounding_box_fails_with_the_domain_named(SamplingScheme scheme) {
        Polygon needle = new Polygon(new double[] {0, 0, 1, 1, 1, 1 + 1e-6, 0, 1e-6});
        IllegalArgumentException e = assertTimeoutPreemptively(QUICK,
                () -> assertThrows(IllegalArgumentException.class, () -> needle.sampleInterior(10, scheme, 1)));
        assertTrue(e.getMessage().startsWith("cannot sample 10 interior points of the polygon (0, 0) - (1, 1)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("fills too little of its bounding box"), e.getMessage());
    }
}
