package org.kanpde.solver.io;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.net.basis.ChebyshevBasis;
import org.kanpde.net.basis.EdgeBasis;

/**
 * Chebyshev layers: the polynomial degree n, the input map (only {@code "affine"}, the map of a
 * node's range onto [-1, 1], so that other maps can be added without a new version) and one range
 * per input node: {@code { "degree": 10, "map": "affine", "ranges": [[-1, 1], [-1, 1]] }}.
 */
final class ChebyshevSection implements BasisSection {
    static final ChebyshevSection INSTANCE = new ChebyshevSection();

    private static final String AFFINE = "affine";

    private ChebyshevSection() {
    }

    @Override
    public List<String> keys(int version) {
        return List.of("degree", "map", "ranges");
    }

    @Override
    public void write(EdgeBasis[] bases, ObjectNode section) {
        section.put("degree", bases[0].gridSize());
        section.put("map", AFFINE);
        BasisSection.putRanges(bases, section);
    }

    @Override
    public EdgeBasis[] read(JsonFields section, int inputs, int version) {
        int degree = section.integer("degree");
        JsonNode map = section.get("map");
        if (map != null && !(map.isTextual() && AFFINE.equals(map.textValue()))) {
            throw section.failAt(section.path("map"), "unknown Chebyshev input map " + map + ", expected \"" + AFFINE + "\"");
        }
        JsonNode ranges = BasisSection.perNode(section, "ranges", inputs);
        EdgeBasis[] bases = new EdgeBasis[inputs];
        for (int i = 0; i < inputs; i++) {
            double[] range = BasisSection.range(section, ranges, i);
            try {
                bases[i] = ChebyshevBasis.of(range[0], range[1], degree);
            } catch (IllegalArgumentException e) {
                throw BasisSection.rejected(section, section.path("ranges") + "[" + i + "]", e);
            }
        }
        return bases;
    }
}
