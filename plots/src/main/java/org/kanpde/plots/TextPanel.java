package org.kanpde.plots;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.ui.Drawable;

/** A line of text, left-aligned and vertically centred in its panel: a section heading of a figure. */
final class TextPanel implements Drawable {
    private final String text;
    private final Font font;

    TextPanel(String text, Font font) {
        this.text = text;
        this.font = font;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        g.setFont(font);
        g.setPaint(Theme.INK);
        FontMetrics metrics = g.getFontMetrics();
        float y = (float) (area.getY() + (area.getHeight() + metrics.getAscent() - metrics.getDescent()) / 2);
        g.drawString(text, (float) (area.getX() + 12), y);
    }
}
