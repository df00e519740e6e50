package org.kanpde.solver.geometry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The boundary parts of a {@link CsgDomain}: which operand parts lie on the result's boundary (and
 * what share of each), their names, and the sampling of points on them.
 */
final class CsgBoundary {

    /** Sampling rounds per part before giving up: each doubles the oversampling. */
    private static final int MAX_ROUNDS = 12;

    /** Smallest share of an operand part that counts as lying on the boundary. */
    static final double MIN_SHARE = 1e-3;

    private final CsgDomain csg;
    private final int[] operand;
    private final int[] operandPart;
    private final String[] names;
    private final double[] measures;

    CsgBoundary(CsgDomain csg) {
        this.csg = csg;
        List<Integer> ops = new ArrayList<>();
        List<Integer> parts = new ArrayList<>();
        List<String> partNames = new ArrayList<>();
        List<Double> partMeasures = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Domain> operands = csg.operands();
        for (int i = 0; i < operands.size(); i++) {
            Domain op = operands.get(i);
            String prefix = op instanceof NamedDomain named ? named.name() + "." : "";
            int count = op.boundaryPartCount();
            BoundarySample probes = op.sampleBoundary(CsgDomain.PROBES_PER_PART * count, SamplingScheme.UNIFORM_GRID, 0);
            int[] total = new int[count];
            int[] kept = new int[count];
            double[] z = new double[op.dimension()];
            double[] n = new double[op.dimension()];
            for (int j = 0; j < probes.size(); j++) {
                int p = probes.part(j);
                total[p]++;
                if (onBoundary(probes, j, i, z, n)) {
                    kept[p]++;
                }
            }
            for (int p = 0; p < count; p++) {
                // Parts that only touch the result (tangent circles, a vertex on a curve) keep a
                // few probes within the probe offset of the contact; a share this small is dropped.
                if (kept[p] <= MIN_SHARE * total[p]) {
                    continue;
                }
                String name = prefix + op.boundaryPartName(p);
                Integer other = seen.put(name, i);
                if (other != null) {
                    throw new IllegalArgumentException("two boundary parts of the " + csg.operation().id() + " are called '"
                            + name + "' (of operands " + other + " and " + i + "); give the operands names (\"name\" in a"
                            + " problem file, NamedDomain.of in Java) so that their parts become NAME." + op.boundaryPartName(p));
                }
                ops.add(i);
                parts.add(p);
                partNames.add(name);
                partMeasures.add(op.boundaryPartMeasure(p) * kept[p] / total[p]);
            }
        }
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("the " + csg.operation().id() + " has no boundary: " + csg);
        }
        this.operand = ops.stream().mapToInt(Integer::intValue).toArray();
        this.operandPart = parts.stream().mapToInt(Integer::intValue).toArray();
        this.names = partNames.toArray(new String[0]);
        this.measures = partMeasures.stream().mapToDouble(Double::doubleValue).toArray();
    }

    int partCount() {
        return names.length;
    }

    String name(int part) {
        return names[part];
    }

    double measure(int part) {
        return measures[part];
    }

    /**
     * True if point j of an operand's sample lies on the result's boundary; leaves the result's
     * outward normal in n (reversed for holes) and the point in z.
     */
    private boolean onBoundary(BoundarySample sample, int j, int op, double[] z, double[] n) {
        sample.point(j, z);
        sample.normal(j, n);
        double sign = csg.isHole(op) ? -1 : 1;
        double h = csg.probe();
        int d = z.length;
        double[] probe = new double[d];
        for (int k = 0; k < d; k++) {
            n[k] *= sign;
            probe[k] = z[k] + h * n[k];
        }
        if (csg.contains(probe)) {
            return false;
        }
        for (int k = 0; k < d; k++) {
            probe[k] = z[k] - h * n[k];
        }
        return csg.containsInterior(probe);
    }

    /** n points over the parts in proportion to their measures; see {@link CsgDomain#sampleBoundary}. */
    BoundarySample sample(int n, SamplingScheme scheme, long seed) {
        int d = csg.dimension();
        int[] counts = BoundarySampling.allocate(n, measures);
        SplittableRandom seeds = new SplittableRandom(seed);
        double[] xyz = new double[n * d];
        double[] normals = new double[n * d];
        int[] partOf = new int[n];
        int filled = 0;
        for (int q = 0; q < names.length; q++) {
            long partSeed = seeds.nextLong();
            if (counts[q] == 0) {
                continue;
            }
            double[][] points = samplePart(q, counts[q], scheme, partSeed);
            System.arraycopy(points[0], 0, xyz, filled * d, counts[q] * d);
            System.arraycopy(points[1], 0, normals, filled * d, counts[q] * d);
            for (int i = 0; i < counts[q]; i++) {
                partOf[filled + i] = q;
            }
            filled += counts[q];
        }
        return BoundarySample.wrap(d, xyz, normals, partOf, names.length);
    }

    /** Exactly count points (coordinates, normals) on part q. */
    private double[][] samplePart(int q, int count, SamplingScheme scheme, long seed) {
        Domain op = csg.operands().get(operand[q]);
        double opTotal = 0;
        for (int p = 0; p < op.boundaryPartCount(); p++) {
            opTotal += op.boundaryPartMeasure(p);
        }
        int d = csg.dimension();
        double share = measures[q] / opTotal;
        long request = (long) Math.ceil(1.25 * count / share) + 16;
        SplittableRandom rounds = new SplittableRandom(seed);
        double[] z = new double[d];
        double[] nrm = new double[d];
        for (int round = 0; round < MAX_ROUNDS; round++, request *= 2) {
            if (request > Integer.MAX_VALUE / (2 * d)) {
                break;
            }
            BoundarySample sample = op.sampleBoundary((int) request, scheme, rounds.nextLong());
            double[] keptPoints = new double[sample.size() * d];
            double[] keptNormals = new double[sample.size() * d];
            int kept = 0;
            for (int j = 0; j < sample.size(); j++) {
                if (sample.part(j) == operandPart[q] && onBoundary(sample, j, operand[q], z, nrm)) {
                    System.arraycopy(z, 0, keptPoints, kept * d, d);
                    System.arraycopy(nrm, 0, keptNormals, kept * d, d);
                    kept++;
                }
            }
            if (kept >= count) {
                double[] outPoints = new double[count * d];
                double[] outNormals = new double[count * d];
                for (int i = 0; i < count; i++) {
                    // random and Sobol points: the first ones; tensor points: an evenly spaced subset
                    int from = scheme.isTensor() ? (int) ((i + 0.5) * kept / count) : i;
                    System.arraycopy(keptPoints, from * d, outPoints, i * d, d);
                    System.arraycopy(keptNormals, from * d, outNormals, i * d, d);
                }
                return new double[][] {outPoints, outNormals};
            }
        }
        throw new IllegalArgumentException("cannot sample " + count + " points on boundary part '" + names[q] + "' of the "
                + csg + ": too few of its operand's points lie on the boundary");
    }
}
