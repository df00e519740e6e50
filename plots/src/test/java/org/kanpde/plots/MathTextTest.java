package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MathTextTest {
    @Test
    void catalogueDescriptionsReadLikeTheEquations() {
        assertEquals("the KAN paper's problem: −Δu = f on [−1, 1]², u = sin(πx) sin(πy²), zero Dirichlet",
                MathText.pretty("the KAN paper's problem: -Laplace u = f on [-1, 1]^2, u = sin(pi x) sin(pi y^2), zero Dirichlet"));
        assertEquals("−Δu − k² u = f on [0, 1]³, k = 4, u = (1 − x²) sin(2πy)",
                MathText.pretty("-Laplace u - k^2 u = f on [0, 1]^3, k = 4, u = (1 - x^2) sin(2 pi y)"));
        assertEquals("−div(a ∇u) = f", MathText.pretty("-div(a grad u) = f"));
        assertEquals("u = r^(2/3) sin(2 θ/3)", MathText.pretty("u = r^(2/3) sin(2 theta/3)"));
    }

    @Test
    void formulaFilesLoseTheirStars() {
        assertEquals("2π² sin(πx) sin(πy)", MathText.pretty("2*pi^2*sin(pi*x)*sin(pi*y)"));
        assertEquals("(1 − x²) sin(2πy)", MathText.pretty("(1 - x^2)*sin(2*pi*y)"));
        assertEquals("exp(x) cos(y) + xy", MathText.pretty("exp(x)*cos(y) + x*y"));
        assertEquals("2/3 (x²+y²)^(−1/6)", MathText.pretty("2/3*(x^2+y^2)^(-1/6)"));
        assertEquals("x·2", MathText.pretty("x*2"), "a factor after a symbol keeps a visible product");
    }

    @Test
    void wordsAndPlainNumbersStay() {
        assertEquals("L-shape with a high-frequency mode", MathText.pretty("L-shape with a high-frequency mode"));
        assertEquals("spiral pipes", MathText.pretty("spiral pipes"), "'pi' inside words is not π");
        assertEquals("x^2.5", MathText.pretty("x^2.5"), "only integer powers become superscripts");
        assertEquals("0", MathText.pretty("0"));
        assertNull(MathText.pretty(null));
    }
}
