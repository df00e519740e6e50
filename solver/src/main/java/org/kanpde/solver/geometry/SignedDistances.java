package org.kanpde.solver.geometry;

/**
 * Signed functions of the operands of a {@link CsgDomain}: positive inside, zero on the boundary,
 * negative outside, and normalised to unit slope on the boundary where that is cheap, so that the
 * R-functions of {@link RFunctionDistance} combine them without one operand dominating.
 *
 * <p>A box's own distance function (a product of slab functions) is positive again in the
 * diagonal regions outside its corners, so it cannot be complemented for a hole; the conjunction of
 * its slabs is used instead. Disks and balls use {@code (R^2 - |z - c|^2) / (2R)}; polygons their
 * R-function distance signed by membership; CSG domains their own function; any other domain its
 * distance function signed by membership (correct in sign, smooth only if that function is).
 */
final class SignedDistances {

    private SignedDistances() {
    }

    static DistanceFunction of(Domain domain) {
        if (domain instanceof NamedDomain named) {
            return of(named.domain());
        }
        if (domain instanceof CsgDomain) {
            return domain.distance();
        }
        if (domain instanceof Box) {
            double[] lo = domain.lower();
            double[] hi = domain.upper();
            int d = lo.length;
            DistanceFunction[] slabs = new DistanceFunction[d];
            double[] signs = new double[d];
            for (int k = 0; k < d; k++) {
                slabs[k] = new SlabDistance(d, k, lo[k], hi[k]);
                signs[k] = 1;
            }
            return d == 1 ? slabs[0] : new RFunctionDistance(slabs, signs, false);
        }
        if (domain instanceof Disk disk) {
            return new BallDistance(disk.centre(), disk.radius(), disk.radius() / 2);
        }
        if (domain instanceof Ball ball) {
            return new BallDistance(ball.centre(), ball.radius(), ball.radius() / 2);
        }
        return new MembershipSignedDistance(domain, domain.distance());
    }
}
