package io.polygraph.unsupervised;

import io.polygraph.train.AutoencoderModel;
import java.util.List;
import java.util.Objects;

/**
 * What a DUAD run produced: the model, and the evidence of how it got there.
 *
 * @param model the autoencoder with its weights after the last training round
 * @param rounds every selection made, in order (round 0 on the inputs first)
 * @param epochLosses mean reconstruction loss of every epoch trained, in order (a loss curve; it
 *     jumps where the training subset changes)
 * @param converged whether the run stopped because a re-selection equalled the previous one (rather
 *     than on {@link SelectionConfig#maxRounds()})
 * @param trainedOn the selection the last training round used
 */
public record DuadResult(
        AutoencoderModel model,
        List<DuadRound> rounds,
        double[] epochLosses,
        boolean converged,
        boolean[] trainedOn) {

    public DuadResult {
        Objects.requireNonNull(model, "model");
        rounds = List.copyOf(rounds);
        epochLosses = epochLosses.clone();
        trainedOn = trainedOn.clone();
    }

    @Override
    public double[] epochLosses() {
        return epochLosses.clone();
    }

    @Override
    public boolean[] trainedOn() {
        return trainedOn.clone();
    }

    /** The last selection made. */
    public DuadRound lastRound() {
        return rounds.get(rounds.size() - 1);
    }
}
