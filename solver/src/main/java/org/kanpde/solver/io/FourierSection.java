package org.kanpde.solver.io;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.net.basis.EdgeBasis;
import org.kanpde.net.basis.FourierBasis;

/**
 * Fourier layers: the number of frequencies, and per input node the range and the base frequency
 * omega: {@code { "frequencies": 5, "ranges": [[-1, 1], [...]], "omega": [1.5707963267948966, ...] }}.
 */
final class FourierSection implements BasisSection {
    static final FourierSection INSTANCE = new FourierSection();

    private FourierSection() {
    }

    @Override
    public List<String> keys(int version) {
        return List.of("frequencies", "ranges", "omega");
    }

    @Override
    public void write(EdgeBasis[] bases, ObjectNode section) {
        section.put("frequencies", bases[0].gridSize());
        BasisSection.putRanges(bases, section);
        ArrayNode omega = section.putArray("omega");
        for (EdgeBasis b : bases) {
            omega.add(((FourierBasis) b).omega());
        }
    }

    @Override
    public EdgeBasis[] read(JsonFields section, int inputs, int version) {
        int frequencies = section.integer("frequencies");
        JsonNode ranges = BasisSection.perNode(section, "ranges", inputs);
        double[] omega = BasisSection.perNodeNumbers(section, "omega", inputs, "frequency");
        EdgeBasis[] bases = new EdgeBasis[inputs];
        for (int i = 0; i < inputs; i++) {
            double[] range = BasisSection.range(section, ranges, i);
            try {
                bases[i] = FourierBasis.of(range[0], range[1], frequencies, omega[i]);
            } catch (IllegalArgumentException e) {
                throw BasisSection.rejected(section, section.path("ranges") + "[" + i + "]", e);
            }
        }
        return bases;
    }
}
