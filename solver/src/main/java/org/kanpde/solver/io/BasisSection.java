package org.kanpde.solver.io;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.kanpde.net.basis.BasisType;
import org.kanpde.net.basis.EdgeBasis;

/**
 * How one type of edge basis is stored in a model file: the fields that describe a KAN layer's
 * bases, one per input node, written into and read back from the layer's section. Each type knows
 * only its own fields; {@link ModelFile} decides where the section goes and checks its keys. The
 * sections live here and not in kan-net, which stays free of JSON.
 */
interface BasisSection {

    /** The section of a basis type; a new type that has none fails to compile here. */
    static BasisSection of(BasisType type) {
        return switch (type) {
            case BSPLINE -> BSplineSection.INSTANCE;
            case CHEBYSHEV -> ChebyshevSection.INSTANCE;
            case RBF -> RbfSection.INSTANCE;
            case FOURIER -> FourierSection.INSTANCE;
        };
    }

    /** The keys of a section in a file of {@code version}, in the order they are written. */
    List<String> keys(int version);

    /**
     * Writes a layer's bases.
     *
     * @param bases   one per input node, all of this section's type
     * @param section the JSON object to fill
     */
    void write(EdgeBasis[] bases, ObjectNode section);

    /**
     * Reads a layer's bases back, checking every value.
     *
     * @param section the layer's section (its keys already checked against {@link #keys})
     * @param inputs  input nodes of the layer
     * @param version the file's version
     * @return one basis per input node
     * @throws RuntimeException the section's failure, naming the path of the bad value
     */
    EdgeBasis[] read(JsonFields section, int inputs, int version);

    // ---- shared by the sections

    /** An array under {@code key} with one entry per input node. */
    static JsonNode perNode(JsonFields section, String key, int inputs) {
        JsonNode v = section.array(key);
        if (v.size() != inputs) {
            throw section.failAt(section.path(key), "needs one entry per input node (" + inputs + "), got " + v.size());
        }
        return v;
    }

    /** Entry i of a per-node array of numbers. */
    static double[] entry(JsonFields section, JsonNode perNode, String key, int i) {
        return section.asNumbers(perNode.get(i), section.path(key) + "[" + i + "]");
    }

    /** Entry i of a per-node array of ranges [lower, upper]. */
    static double[] range(JsonFields section, JsonNode ranges, int i) {
        double[] range = entry(section, ranges, "ranges", i);
        if (range.length != 2) {
            throw section.failAt(section.path("ranges") + "[" + i + "]", "a range is [lower, upper], got " + range.length
                    + " numbers");
        }
        return range;
    }

    /** A per-node number array (one value per input node) with its length checked. */
    static double[] perNodeNumbers(JsonFields section, String key, int inputs, String what) {
        double[] values = section.numbers(key);
        if (values.length != inputs) {
            throw section.failAt(section.path(key), "needs one " + what + " per input node (" + inputs + "), got "
                    + values.length);
        }
        return values;
    }

    /** The ranges [lower, upper] of the bases, one per node. */
    static void putRanges(EdgeBasis[] bases, ObjectNode section) {
        ArrayNode ranges = section.putArray("ranges");
        for (EdgeBasis b : bases) {
            ranges.addArray().add(b.lower()).add(b.upper());
        }
    }

    /** Adds numbers to an array node. */
    static ArrayNode addAll(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
        return array;
    }

    /** The failure for a value that a basis rejected, at {@code at}, with its message. */
    static RuntimeException rejected(JsonFields section, String at, IllegalArgumentException e) {
        return section.failAt(at, e.getMessage(), e);
    }
}
