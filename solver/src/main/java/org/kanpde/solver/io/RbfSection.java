package org.kanpde.solver.io;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.net.basis.EdgeBasis;
import org.kanpde.net.basis.RbfBasis;

/**
 * Gaussian RBF layers: the centres beyond each end of the range, and per input node the uniformly
 * spaced centres and the Gaussian width:
 * {@code { "extension": 2, "centres": [[-2, -1.5, ..., 2], [...]], "width": [0.5, 0.5] }}.
 */
final class RbfSection implements BasisSection {
    static final RbfSection INSTANCE = new RbfSection();

    private RbfSection() {
    }

    @Override
    public List<String> keys(int version) {
        return List.of("extension", "centres", "width");
    }

    @Override
    public void write(EdgeBasis[] bases, ObjectNode section) {
        section.put("extension", ((RbfBasis) bases[0]).extension());
        ArrayNode centres = section.putArray("centres");
        ArrayNode widths = section.putArray("width");
        for (EdgeBasis b : bases) {
            RbfBasis rbf = (RbfBasis) b;
            BasisSection.addAll(centres.addArray(), rbf.centres());
            widths.add(rbf.width());
        }
    }

    @Override
    public EdgeBasis[] read(JsonFields section, int inputs, int version) {
        int extension = section.integer("extension");
        JsonNode centres = BasisSection.perNode(section, "centres", inputs);
        double[] widths = BasisSection.perNodeNumbers(section, "width", inputs, "width");
        EdgeBasis[] bases = new EdgeBasis[inputs];
        for (int i = 0; i < inputs; i++) {
            double[] c = BasisSection.entry(section, centres, "centres", i);
            try {
                bases[i] = RbfBasis.of(c, extension, widths[i]);
            } catch (IllegalArgumentException e) {
                throw BasisSection.rejected(section, section.path("centres") + "[" + i + "]", e);
            }
        }
        return bases;
    }
}
