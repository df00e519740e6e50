package org.kanpde.net;

/**
 * The default {@link BlockEvaluator}: one per-point {@link Evaluator} per slot of the block, so
 * that each slot keeps its point's intermediate values for the reverse pass. The results are
 * exactly those of running the per-point evaluator point after point.
 */
final class PointwiseBlockEvaluator implements BlockEvaluator {
    private final TrialFunction function;
    private final Derivatives level;
    private final Evaluator[] slots;
    private final int d;
    private final int grad;
    private final int second;
    private final int channels;
    private final double[] jets;
    private final double[] gbar;
    private final double[] sbar;
    private int count;

    PointwiseBlockEvaluator(TrialFunction function, Derivatives level, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("block capacity must be >= 1, got " + capacity);
        }
        this.function = function;
        this.level = level;
        this.d = function.inputDimension();
        this.grad = level.order() >= 1 ? d : 0;
        this.second = level.secondCount(d);
        this.channels = 1 + grad + second;
        this.slots = new Evaluator[capacity];
        for (int t = 0; t < capacity; t++) {
            slots[t] = function.evaluator(level);
        }
        this.jets = new double[capacity * channels];
        this.gbar = new double[grad];
        this.sbar = new double[second];
    }

    @Override
    public TrialFunction function() {
        return function;
    }

    @Override
    public Derivatives level() {
        return level;
    }

    @Override
    public int capacity() {
        return slots.length;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public double[] forward(double[] points, int offset, int count) {
        BlockEvaluator.checkBlock(points, offset, count, d, slots.length);
        this.count = count;
        for (int t = 0; t < count; t++) {
            Jet jet = slots[t].forward(points, offset + t * d);
            int base = t * channels;
            jets[base] = jet.value();
            for (int k = 0; k < grad; k++) {
                jets[base + 1 + k] = jet.gradient(k);
            }
            for (int p = 0; p < second; p++) {
                jets[base + 1 + grad + p] = jet.second(p);
            }
        }
        return jets;
    }

    @Override
    public void backward(double[] adjoints, double[] gradient) {
        for (int t = 0; t < count; t++) {
            int base = t * channels;
            System.arraycopy(adjoints, base + 1, gbar, 0, grad);
            System.arraycopy(adjoints, base + 1 + grad, sbar, 0, second);
            slots[t].backward(adjoints[base], grad == 0 ? null : gbar, second == 0 ? null : sbar, gradient);
        }
    }
}
