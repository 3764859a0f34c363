package io.polygraph.deploy.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --gans} option of {@code evaluate}: which one-class GAN detectors on the fused row to
 * evaluate beside CMAD and DMAFN ({@code mmoc}, {@code igmm-bigan}, comma-separated, or {@code
 * none}), on the synthetic world and in the MNIST image/tag protocol.
 *
 * <p>An unknown name is a usage error while the command line is parsed, before any training.
 */
final class RowModelVariants {

    /** A GAN detector this option can name. */
    enum Gan {
        MMOC("mmoc"),
        IGMM_BIGAN("igmm-bigan");

        private final String option;

        Gan(String option) {
            this.option = option;
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Set<Gan> selected = EnumSet.allOf(Gan.class);

    @Option(
            names = "--gans",
            split = ",",
            paramLabel = "GAN",
            defaultValue = "mmoc,igmm-bigan",
            description =
                    "world and mnist: one-class GAN detectors to evaluate beside CMAD (mmoc,"
                            + " igmm-bigan), comma-separated, or none (default: ${DEFAULT-VALUE}).")
    void select(List<String> names) {
        Set<Gan> gans = EnumSet.noneOf(Gan.class);
        for (String name : names) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            if (wanted.equals("none")) {
                continue;
            }
            gans.add(parse(wanted));
        }
        selected = gans;
    }

    /** Whether MMOC-GAN is to be evaluated. */
    boolean mmoc() {
        return selected.contains(Gan.MMOC);
    }

    /** Whether IGMM-BiGAN is to be evaluated. */
    boolean igmmBigan() {
        return selected.contains(Gan.IGMM_BIGAN);
    }

    private Gan parse(String name) {
        List<String> known = new ArrayList<>();
        for (Gan gan : Gan.values()) {
            if (gan.option.equals(name)) {
                return gan;
            }
            known.add(gan.option);
        }
        throw new ParameterException(
                mixee.commandLine(),
                "--gans: '" + name + "' is not one of " + known + " (or none)");
    }
}
