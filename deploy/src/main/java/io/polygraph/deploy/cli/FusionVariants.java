package io.polygraph.deploy.cli;

import io.polygraph.fusion.DetectionHead;
import io.polygraph.fusion.FusionMode;
import io.polygraph.train.FusionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The {@code --dmafn} option of {@code evaluate --dataset world}: which DMAFN fusion modes and
 * heads to evaluate beside CMAD, as {@code MODE:HEAD} pairs (for example {@code
 * attention:autoencoder,late:classifier}), or {@code none}.
 */
final class FusionVariants {

    @Option(
            names = "--dmafn",
            split = ",",
            paramLabel = "MODE:HEAD",
            defaultValue = "attention:autoencoder,attention:classifier",
            description =
                    "world: DMAFN variants to evaluate beside CMAD, MODE (early, late, attention)"
                            + " : HEAD (autoencoder, classifier), comma-separated, or none"
                            + " (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    /**
     * The configurations these variants describe, from {@code base}.
     *
     * @throws IllegalArgumentException naming the first variant that is not {@code MODE:HEAD}
     */
    List<FusionConfig> configs(FusionConfig base) {
        List<FusionConfig> configs = new ArrayList<>();
        for (String variant : variants) {
            if (variant.equalsIgnoreCase("none")) {
                continue;
            }
            String[] parts = variant.split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "--dmafn " + variant + ": expected MODE:HEAD, e.g. attention:autoencoder");
            }
            configs.add(
                    base.withMode(parse(FusionMode.class, parts[0], variant))
                            .withHead(parse(DetectionHead.class, parts[1], variant)));
        }
        return configs;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String variant) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--dmafn "
                            + variant
                            + ": '"
                            + value
                            + "' is not one of "
                            + java.util.Arrays.toString(type.getEnumConstants())
                                    .toLowerCase(Locale.ROOT));
        }
    }
}
