package dev.kubicle.bench.report;

import dev.kubicle.bench.results.Scenario;
import dev.kubicle.bench.results.Tool;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chart of docs/benchmarks.md: for each create scenario and tool, one row per step with a bar from the step's
 * median start to its median end, on one time axis for all, so the tools' totals and their slowest steps compare at
 * a glance. Drawn with java.awt only, headless.
 */
public final class StepChart {
    static final int WIDTH = 1200;
    static final Color KIND = new Color(0x32, 0x6C, 0xE5);
    static final Color KUBICLE = new Color(0xE8, 0x77, 0x2E);
    static final Color HARNESS = new Color(0xB0, 0xB0, 0xB0);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);
    private static final int LEFT = 20;
    private static final int LABEL_WIDTH = 360;
    private static final int PLOT_LEFT = LEFT + LABEL_WIDTH + 10;
    private static final int PLOT_RIGHT = WIDTH - 90;
    private static final int ROW = 22;
    private static final int BAR = 14;
    private static final int TOP = 70;
    private static final int SECTION_GAP = 16;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font HEADING = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font NORMAL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 12);

    /** One drawn bar, for tests and for the drawing itself. */
    record Bar(Tool tool, Scenario scenario, String name, boolean total, Rectangle bounds, Color color,
               double seconds) {
    }

    /** A text to draw; a label left of the plot carries the room it has, other texts 0 (no limit). */
    private record Text(String text, int x, int y, Font font, int room) {
        Text(String text, int x, int y, Font font) {
            this(text, x, y, font, 0);
        }

        static Text label(String text, int y, Font font) {
            return new Text(text, LEFT, y, font, LABEL_WIDTH);
        }
    }

    private final Summary summary;
    private final String subtitle;
    private final List<Bar> bars = new ArrayList<>();
    private final List<Text> texts = new ArrayList<>();
    private final List<Integer> sectionTops = new ArrayList<>();
    private double axisMax;
    private int plotBottom;

    /** @param subtitle one line under the title: the node image and the number of rounds, say */
    public StepChart(Summary summary, String subtitle) {
        this.summary = summary;
        this.subtitle = subtitle;
        layOut();
    }

    public void writePng(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(render(), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
        }
    }

    BufferedImage render() {
        BufferedImage image = new BufferedImage(WIDTH, height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height());
            drawAxis(g);
            for (Bar bar : bars) {
                g.setColor(bar.color());
                g.fill(bar.bounds());
            }
            g.setColor(TEXT);
            for (Text text : texts) {
                g.setFont(text.font());
                g.drawString(fitted(g, text), text.x(), text.y());
            }
            drawLegend(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    List<Bar> bars() {
        return List.copyOf(bars);
    }

    int height() {
        return plotBottom + 70;
    }

    /** The x coordinate of a time, in seconds from the start of the create. */
    int x(double seconds) {
        return PLOT_LEFT + (int) Math.round(seconds / axisMax * (PLOT_RIGHT - PLOT_LEFT));
    }

    private void layOut() {
        axisMax = niceCeiling(summary.createSteps().stream()
                .mapToDouble(b -> Math.max(b.total(), b.steps().stream()
                        .mapToDouble(s -> s.start() + s.seconds()).max().orElse(0)))
                .max().orElse(1));
        texts.add(new Text("Create time per step: kind and kubicle", LEFT, 30, TITLE));
        texts.add(new Text(subtitle, LEFT, 52, NORMAL));
        int y = TOP;
        for (Scenario scenario : List.of(Scenario.CREATE_ONE, Scenario.CREATE_THREE)) {
            sectionTops.add(y);
            texts.add(new Text(Character.toUpperCase(scenario.label().charAt(0)) + scenario.label().substring(1),
                    LEFT, y + 16, HEADING));
            y += 26;
            for (Tool tool : Tool.values()) {
                y = layOutTool(tool, scenario, summary.breakdown(tool, scenario), y);
            }
            y += SECTION_GAP;
        }
        plotBottom = y;
    }

    private int layOutTool(Tool tool, Scenario scenario, Optional<StepBreakdown> breakdown, int y) {
        if (breakdown.isEmpty()) {
            texts.add(Text.label(tool.id() + ": no successful round", y + 15, BOLD));
            return y + ROW;
        }
        StepBreakdown steps = breakdown.get();
        texts.add(Text.label(tool.id() + ", until all nodes Ready", y + 15, BOLD));
        addBar(tool, scenario, "until all nodes Ready", true, 0, steps.total(), y, lighter(colour(tool)));
        y += ROW;
        for (StepStats step : steps.steps()) {
            texts.add(Text.label("  " + step.name(), y + 15, NORMAL));
            addBar(tool, scenario, step.name(), false, step.start(), step.seconds(), y,
                    step.fromTool() ? colour(tool) : HARNESS);
            y += ROW;
        }
        return y;
    }

    private void addBar(Tool tool, Scenario scenario, String name, boolean total, double start, double seconds, int y,
                        Color color) {
        int left = x(start);
        int width = Math.max(1, x(start + seconds) - left);
        bars.add(new Bar(tool, scenario, name, total, new Rectangle(left, y + (ROW - BAR) / 2, width, BAR), color,
                seconds));
        texts.add(new Text(Numbers.seconds(seconds), left + width + 6, y + 15, total ? BOLD : NORMAL));
    }

    private void drawAxis(Graphics2D g) {
        double step = tickStep(axisMax);
        g.setFont(NORMAL);
        FontMetrics metrics = g.getFontMetrics();
        for (double tick = 0; tick <= axisMax + 1e-9; tick += step) {
            int x = x(tick);
            g.setColor(GRID);
            g.drawLine(x, TOP, x, plotBottom);
            g.setColor(TEXT);
            String label = Numbers.format(tick).replaceAll("\\.0+$", "") + " s";
            g.drawString(label, x - metrics.stringWidth(label) / 2, plotBottom + 16);
        }
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(1));
        g.drawLine(PLOT_LEFT, plotBottom, PLOT_RIGHT, plotBottom);
        for (int top : sectionTops.subList(1, sectionTops.size())) {
            g.setColor(GRID);
            g.drawLine(LEFT, top - SECTION_GAP / 2, PLOT_RIGHT, top - SECTION_GAP / 2);
        }
    }

    private void drawLegend(Graphics2D g) {
        int y = plotBottom + 40;
        int x = LEFT;
        g.setFont(NORMAL);
        for (Object[] entry : new Object[][] {
                {KIND, "kind step"}, {KUBICLE, "kubicle step"},
                {HARNESS, "measured by the harness around the tool's steps: start-up, after the last step, "
                        + "until Ready"}}) {
            g.setColor((Color) entry[0]);
            g.fillRect(x, y - 10, 14, 12);
            g.setColor(TEXT);
            g.drawString((String) entry[1], x + 20, y);
            x += 20 + g.getFontMetrics().stringWidth((String) entry[1]) + 24;
        }
    }

    /** Shortens a label that would run into the plot. */
    private static String fitted(Graphics2D g, Text text) {
        FontMetrics metrics = g.getFontMetrics(text.font());
        String label = text.text();
        int room = text.room();
        if (room == 0 || metrics.stringWidth(label) <= room) {
            return label;
        }
        while (!label.isEmpty() && metrics.stringWidth(label + "…") > room) {
            label = label.substring(0, label.length() - 1);
        }
        return label + "…";
    }

    private static Color colour(Tool tool) {
        return tool == Tool.KIND ? KIND : KUBICLE;
    }

    private static Color lighter(Color color) {
        return new Color((color.getRed() + 255) / 2, (color.getGreen() + 255) / 2, (color.getBlue() + 255) / 2);
    }

    static double tickStep(double max) {
        for (double step : new double[] {0.5, 1, 2, 5, 10, 15, 20, 30, 60, 120, 300}) {
            if (max / step <= 12) {
                return step;
            }
        }
        return 600;
    }

    static double niceCeiling(double max) {
        double step = tickStep(Math.max(max, 0.5));
        return Math.max(step, Math.ceil(max / step) * step);
    }
}
