package dev.kubicle.config;

import dev.kubicle.ExitCode;
import dev.kubicle.KubicleException;

import java.util.List;
import java.util.stream.Collectors;

/** A cluster config that cannot be used; the message has one line per problem, so all of them can be fixed at once. */
public class ConfigException extends KubicleException {
    private final String sourceName;
    private final List<ConfigProblem> problems;

    public ConfigException(String sourceName, List<ConfigProblem> problems) {
        super(ExitCode.INVALID_INPUT, render(sourceName, problems));
        this.sourceName = sourceName;
        this.problems = List.copyOf(problems);
    }

    /** The file name (or other origin, such as {@code command line}) the problems were found in. */
    public String sourceName() {
        return sourceName;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(String sourceName, List<ConfigProblem> problems) {
        return problems.stream().map(problem -> problem.describe(sourceName)).collect(Collectors.joining("\n"));
    }
}
