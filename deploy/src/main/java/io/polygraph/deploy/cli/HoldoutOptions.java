package io.polygraph.deploy.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of {@code evaluate --dataset leave-one-digit-out}: which digits to hold out and which
 * MMOC-GAN code counts to sweep.
 */
final class HoldoutOptions {

    @Option(
            names = "--digits",
            split = ",",
            defaultValue = "0,1,2,3,4,5,6,7,8,9",
            description =
                    "leave-one-digit-out: digits to hold out, one fold each (default:"
                            + " ${DEFAULT-VALUE}).")
    List<Integer> digits;

    @Option(
            names = "--mmoc-codes",
            split = ",",
            defaultValue = "1,5,10,20",
            paramLabel = "M",
            description =
                    "leave-one-digit-out: numbers of latent codes m of the MMOC-GAN sweep, one"
                            + " training per m and digit, or none (default: ${DEFAULT-VALUE}).")
    List<String> mmocCodes;

    /** The code counts to sweep, empty for {@code none}. */
    List<Integer> codes() {
        List<Integer> codes = new ArrayList<>();
        for (String value : mmocCodes) {
            if (!value.equalsIgnoreCase("none")) {
                codes.add(Integer.parseInt(value.trim()));
            }
        }
        return codes;
    }

    /** Rejects digits outside 0..9, repeated digits and code counts below 1. */
    void validate(CommandLine command) {
        if (digits.isEmpty() || digits.stream().anyMatch(d -> d < 0 || d > 9)) {
            throw new ParameterException(command, "--digits must list digits 0..9");
        }
        if (digits.stream().distinct().count() != digits.size()) {
            throw new ParameterException(command, "--digits lists a digit twice");
        }
        try {
            if (codes().stream().anyMatch(m -> m < 1)) {
                throw new ParameterException(command, "--mmoc-codes must be at least 1");
            }
        } catch (NumberFormatException e) {
            throw new ParameterException(
                    command, "--mmoc-codes takes whole numbers or none: " + mmocCodes);
        }
    }
}
