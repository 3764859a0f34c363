package io.polygraph.unsupervised;

import io.polygraph.train.AutoencoderConfig;
import io.polygraph.train.AutoencoderModel;
import io.polygraph.train.AutoencoderTrainer;
import io.polygraph.train.InputScaling;
import io.polygraph.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an autoencoder on unlabelled, contaminated data by DUAD's iterative normal-subset
 * selection (Li et al., "Deep Unsupervised Anomaly Detection", WACV 2021).
 *
 * <p>Steps: scale the inputs ({@link InputScaling}, fitted once, on all rows: the run has no other
 * rows to trust); select a presumed-normal subset by clustering the scaled inputs and dropping the
 * p0 % highest-variance clusters; then, per round, train the autoencoder r epochs on the subset,
 * embed <em>every</em> row as {@code z = [z_c; z_r]} (L2-normalised, see {@link
 * AutoencoderModel#encode}), and re-select on z dropping the p % highest-variance clusters. Rows
 * dropped earlier can come back. The run stops when a re-selection equals the previous one, or
 * after {@link SelectionConfig#maxRounds()} rounds; the model is the network after the last round.
 * Score rows with {@link AutoencoderModel#scores} ({@code arccos(cos(x, x'))}).
 *
 * <p>Labels: {@link #train(double[][], boolean[], TrainingListener)} accepts anomaly labels only to
 * report the share of anomalies in each selection (the evidence that selection purifies the
 * training set); they are read by nothing else, so a run with labels trains exactly as one without.
 *
 * <p>Trade-off: stopping on an exactly unchanged selection is the paper's rule; on large data the
 * re-fitted clustering may keep moving a few boundary rows, so {@code maxRounds} bounds the cost at
 * {@code maxRounds * r} epochs. Runs on the caller's thread; not reentrant.
 */
public final class DuadTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DuadTrainer.class);

    private final SelectionConfig selection;
    private final AutoencoderConfig autoencoder;
    private final InputScaling scaling;

    /** A trainer that standardises the inputs ({@link InputScaling#STANDARDISED}). */
    public DuadTrainer(SelectionConfig selection, AutoencoderConfig autoencoder) {
        this(selection, autoencoder, InputScaling.STANDARDISED);
    }

    public DuadTrainer(
            SelectionConfig selection, AutoencoderConfig autoencoder, InputScaling scaling) {
        this.selection = Objects.requireNonNull(selection, "selection");
        this.autoencoder = Objects.requireNonNull(autoencoder, "autoencoder");
        this.scaling = Objects.requireNonNull(scaling, "scaling");
    }

    /** Trains on the rows of {@code x}, none of which is known to be normal or anomalous. */
    public DuadResult train(double[][] x, TrainingListener listener) {
        return train(x, null, listener);
    }

    /**
     * Trains on the rows of {@code x}; {@code reportingLabels} (nullable, true = anomaly) only feed
     * {@link DuadRound#anomalyShare()}.
     */
    public DuadResult train(double[][] x, boolean[] reportingLabels, TrainingListener listener) {
        DataChecks.finiteMatrix("x", x);
        DataChecks.sameLength("reportingLabels", reportingLabels, x.length);
        Objects.requireNonNull(listener, "listener");
        listener.onStage("scaling the inputs");
        AutoencoderTrainer trainer = AutoencoderTrainer.fittedTo(autoencoder, x, scaling);
        listener.onStage("selecting on the inputs");
        NormalSubsetSelection.Selection initial =
                selection.selection(0).select(trainer.scaled(x), selection.initialDropPercent());
        List<DuadRound> rounds = new ArrayList<>();
        rounds.add(round(0, 0, initial, x.length - initial.selectedCount(), reportingLabels));
        boolean[] next = initial.selected();
        boolean[] trainedOn = next;
        List<double[]> losses = new ArrayList<>();
        AutoencoderModel model = null;
        boolean converged = false;
        for (int r = 1; r <= selection.maxRounds() && !converged; r++) {
            trainedOn = next;
            listener.onStage("round " + r + ": training on " + count(trainedOn) + " rows");
            losses.add(trainer.train(x, trainedOn, selection.reselectEvery(), listener));
            model = trainer.model();
            listener.onStage("round " + r + ": selecting on the embeddings");
            NormalSubsetSelection.Selection reselected =
                    selection.selection(r).select(model.encode(x), selection.dropPercent());
            int changed = reselected.differenceFrom(trainedOn);
            rounds.add(round(r, trainer.epochsTrained(), reselected, changed, reportingLabels));
            converged = changed == 0;
            next = reselected.selected();
        }
        return new DuadResult(model, rounds, concat(losses), converged, trainedOn);
    }

    /** The history entry of a selection, logged (counts only, never rows). */
    private static DuadRound round(
            int round,
            int epochs,
            NormalSubsetSelection.Selection chosen,
            int changed,
            boolean[] labels) {
        double share = Double.NaN;
        if (labels != null && chosen.selectedCount() > 0) {
            boolean[] selected = chosen.selected();
            int anomalies = 0;
            for (int i = 0; i < selected.length; i++) {
                anomalies += selected[i] && labels[i] ? 1 : 0;
            }
            share = (double) anomalies / chosen.selectedCount();
        }
        LOG.info(
                "DUAD round {}: {} of {} rows selected, {} changed",
                round,
                chosen.selectedCount(),
                chosen.clusters().length,
                changed);
        return new DuadRound(round, epochs, chosen.selectedCount(), changed, share);
    }

    private static int count(boolean[] mask) {
        int count = 0;
        for (boolean value : mask) {
            count += value ? 1 : 0;
        }
        return count;
    }

    private static double[] concat(List<double[]> parts) {
        return parts.stream().flatMapToDouble(Arrays::stream).toArray();
    }
}
