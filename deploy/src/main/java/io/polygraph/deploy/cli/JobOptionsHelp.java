package io.polygraph.deploy.cli;

import io.polygraph.job.config.OptionCatalogue;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Adds every job option ({@code polygraph.*}: key, default, description) to the help of the
 * commands that run the job, so that {@code polygraph run --help} lists what {@code --config} and
 * {@code --job-option} accept. The list is read from the job's own options ({@link
 * OptionCatalogue}), so it cannot fall behind them.
 */
final class JobOptionsHelp {

    /** Key of the help section this adds. */
    static final String SECTION = "jobOptions";

    private static final int WIDTH = 100;

    private JobOptionsHelp() {}

    /** Adds the section to {@code command}'s help, before its footer. */
    static void addTo(CommandLine command) {
        command.getHelpSectionMap().put(SECTION, help -> text());
        List<String> sections = new ArrayList<>(command.getHelpSectionKeys());
        sections.add(
                sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER), SECTION);
        command.setHelpSectionKeys(sections);
    }

    /** The section: a heading, then each option's key and default, its description indented. */
    static String text() {
        String newline = System.lineSeparator();
        StringBuilder text =
                new StringBuilder(newline)
                        .append(
                                "Job options (in the --config file, or as --job-option KEY=VALUE;"
                                        + " polygraph.kafka.properties.<name> goes to every Kafka"
                                        + " client):")
                        .append(newline);
        for (OptionCatalogue.Entry entry : OptionCatalogue.entries()) {
            text.append("  ")
                    .append(entry.key())
                    .append(" (default: ")
                    .append(entry.defaultValue())
                    .append(')')
                    .append(newline);
            for (String line : wrapped(entry.description(), WIDTH - 6)) {
                text.append("      ").append(line).append(newline);
            }
        }
        return text.toString();
    }

    private static List<String> wrapped(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
