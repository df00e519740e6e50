package org.kanpde.solver.io;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.net.basis.EdgeBasis;
import org.kanpde.net.basis.BSplineBasis;
import org.kanpde.net.spline.Knots;

/**
 * B-spline layers: the degree k (pykan's name; {@code "order"} in version 1 files) and one extended
 * knot vector per input node, {@code { "k": 5, "knots": [[...], [...]] }}. The knots are all of the
 * basis (a grid update moves them), so a model reloads to the same function bit for bit.
 */
final class BSplineSection implements BasisSection {
    static final BSplineSection INSTANCE = new BSplineSection();

    private BSplineSection() {
    }

    /** The key of the degree in a file of {@code version}. */
    static String degreeKey(int version) {
        return version >= 2 ? "k" : "order";
    }

    @Override
    public List<String> keys(int version) {
        return List.of(degreeKey(version), "knots");
    }

    @Override
    public void write(EdgeBasis[] bases, ObjectNode section) {
        section.put(degreeKey(ModelFile.VERSION), bases[0].degree());
        ArrayNode knots = section.putArray("knots");
        for (EdgeBasis b : bases) {
            BasisSection.addAll(knots.addArray(), ((BSplineBasis) b).knots());
        }
    }

    @Override
    public EdgeBasis[] read(JsonFields section, int inputs, int version) {
        String key = degreeKey(version);
        int degree = section.integer(key);
        try {
            Knots.checkDegree(degree);
        } catch (IllegalArgumentException e) {
            throw BasisSection.rejected(section, section.path(key), e);
        }
        JsonNode knots = BasisSection.perNode(section, "knots", inputs);
        EdgeBasis[] bases = new EdgeBasis[inputs];
        for (int i = 0; i < inputs; i++) {
            double[] t = BasisSection.entry(section, knots, "knots", i);
            try {
                bases[i] = BSplineBasis.onKnots(t, degree);
            } catch (IllegalArgumentException e) {
                throw BasisSection.rejected(section, section.path("knots") + "[" + i + "]", e);
            }
        }
        return bases;
    }
}
