package dev.kubicle.bench.run;

import dev.kubicle.bench.results.StepTime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a create's steps from the progress lines both tools print without a terminal. kind prints
 * {@code " • Preparing nodes 📦  ..."} when a step starts and {@code " ✓ Preparing nodes 📦"} when it ends; kubicle
 * prints only the end, with the step's duration: {@code " ✓ Preparing nodes 📦 (2.4s)"}.
 */
public final class ProgressSteps {
    private static final Pattern START = Pattern.compile("^ • (.+?)\\s*\\.\\.\\.\\s*$");
    /** The title, then optionally the duration as kubicle prints it: "(2.4s)" or "(1m05s)". */
    private static final Pattern END =
            Pattern.compile("^ [✓✗] (.+?)(?: \\((?:(\\d+)m(\\d{2})s|(\\d+(?:\\.\\d+)?)s)\\))?\\s*$");

    private ProgressSteps() {
    }

    public static List<StepTime> parse(List<TimedLine> lines) {
        List<StepTime> steps = new ArrayList<>();
        Map<String, Double> started = new HashMap<>();
        double previousEnd = 0;
        for (TimedLine line : lines) {
            Matcher start = START.matcher(line.text());
            if (start.matches()) {
                started.put(plain(start.group(1)), line.seconds());
                continue;
            }
            Matcher end = END.matcher(line.text());
            if (!end.matches()) {
                continue;
            }
            String name = plain(end.group(1));
            double begin;
            if (end.group(2) != null) {
                begin = line.seconds() - (Integer.parseInt(end.group(2)) * 60 + Integer.parseInt(end.group(3)));
            } else if (end.group(4) != null) {
                begin = line.seconds() - Double.parseDouble(end.group(4));
            } else {
                begin = started.getOrDefault(name, previousEnd);
            }
            started.remove(name);
            steps.add(new StepTime(name, Math.max(0, begin), line.seconds()));
            previousEnd = line.seconds();
        }
        return steps;
    }

    /** A step's title without emoji and their variation selectors, which neither the chart's font nor tables need. */
    static String plain(String title) {
        StringBuilder plain = new StringBuilder();
        title.codePoints()
                .filter(c -> Character.isLetterOrDigit(c) || Character.isWhitespace(c) || (c < 128 && c > 32))
                .forEach(plain::appendCodePoint);
        return plain.toString().replaceAll("\\s+", " ").strip();
    }
}
