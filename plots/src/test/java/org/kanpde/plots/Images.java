package org.kanpde.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;

/** Checks on written figure files. */
final class Images {
    /** Luminance variance (0..255 scale) below which a picture counts as blank. */
    static final double BLANK_VARIANCE = 50;

    private Images() {
    }

    /** Decodes a PNG, checks its size and that it is not blank; returns it. */
    static BufferedImage assertPng(Path file, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(file), "missing " + file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "not a decodable image: " + file);
        assertEquals(width, image.getWidth(), "width of " + file);
        assertEquals(height, image.getHeight(), "height of " + file);
        double variance = variance(image, 0, 0, width, height);
        assertTrue(variance > BLANK_VARIANCE, file + " looks blank: luminance variance " + variance);
        return image;
    }

    /** Luminance variance of a rectangle of an image. */
    static double variance(BufferedImage image, int x0, int y0, int w, int h) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                double l = luminance(image.getRGB(x, y));
                sum += l;
                sumSq += l * l;
                n++;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    static double luminance(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    /** Parses an SVG file as XML (no network: external DTDs are not loaded) and checks its root and size. */
    static Document assertSvg(Path file, int width, int height) throws Exception {
        assertTrue(Files.isRegularFile(file), "missing " + file);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document doc = builder.parse(file.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals(width, Double.parseDouble(doc.getDocumentElement().getAttribute("width")), 1e-9);
        assertEquals(height, Double.parseDouble(doc.getDocumentElement().getAttribute("height")), 1e-9);
        return doc;
    }

    /** Checks both files of a figure. */
    static BufferedImage assertFigure(FigureFiles files, int width, int height) throws Exception {
        assertSvg(files.svg(), width, height);
        return assertPng(files.png(), width, height);
    }
}
