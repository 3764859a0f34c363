package io.polygraph.gan.mmoc;

import io.polygraph.train.GraphColumns;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The generator's input {@code phi(z, c)} for each {@link CodeInput}, and the regulariser that goes
 * with it ({@code L_sigma} for the mixture, none for the concatenation).
 *
 * @param value {@code phi(z, c)}, [batch, {@link #width}]
 * @param width columns of {@code value}
 * @param regulariser a scalar to add to the generator's loss, or null
 */
record GeneratorInput(SDVariable value, int width, SDVariable regulariser) {

    /** DeLiGAN's initial spread of each component. */
    static final float INITIAL_SIGMA = 0.2f;

    /**
     * Builds {@code phi(noise, codes)}; the mixture's variables are named after {@code prefix}.
     *
     * @param codes one-hot codes, [batch, m]
     */
    static GeneratorInput of(
            SDVariable noise,
            SDVariable codes,
            MmocConfig config,
            String prefix,
            SplittableRandom random) {
        return config.codeInput() == CodeInput.CONCATENATED
                ? concatenated(noise, codes, config)
                : mixture(noise, codes, config, prefix, random);
    }

    private static GeneratorInput concatenated(
            SDVariable noise, SDVariable codes, MmocConfig config) {
        SameDiff sd = noise.getSameDiff();
        int z = config.noiseWidth();
        int width = z + config.codes();
        // z P_z puts z in columns [0, z), c P_c the code in [z, z + m): their sum is concat(z, c).
        SDVariable placedNoise =
                sd.mmul(noise, GraphColumns.selection(sd, width, 0, z), false, true, false);
        SDVariable placedCodes =
                sd.mmul(
                        codes,
                        GraphColumns.selection(sd, width, z, config.codes()),
                        false,
                        true,
                        false);
        return new GeneratorInput(placedNoise.add(placedCodes), width, null);
    }

    private static GeneratorInput mixture(
            SDVariable noise,
            SDVariable codes,
            MmocConfig config,
            String prefix,
            SplittableRandom random) {
        SameDiff sd = noise.getSameDiff();
        int m = config.codes();
        int z = config.noiseWidth();
        float[] means = new float[m * z];
        for (int i = 0; i < means.length; i++) {
            means[i] = (float) (2 * random.nextDouble() - 1);
        }
        SDVariable mu = sd.var(prefix + "mu", Nd4j.createFromArray(means).reshape(m, z));
        float[] spreads = new float[m * z];
        Arrays.fill(spreads, INITIAL_SIGMA);
        SDVariable sigma = sd.var(prefix + "sigma", Nd4j.createFromArray(spreads).reshape(m, z));
        SDVariable value = sd.mmul(codes, mu).add(sd.mmul(codes, sigma).mul(noise));
        SDVariable gap = sigma.rsub(1.0);
        SDVariable regulariser = sd.sum(gap.mul(gap)).mul(config.sigmaWeight() / m);
        return new GeneratorInput(value, z, regulariser);
    }
}
