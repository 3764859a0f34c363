package io.polygraph.combined;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.EnrolmentCanvases;
import io.polygraph.detector.ModelInfo;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.PairCalibration;
import io.polygraph.detector.ReasonCodes;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SignatureCanvases;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Scores records with every member detector and keeps, per record, the member that finds it most
 * surprising.
 *
 * <p>Rules: each member's score is mapped through the normal-scores transform of its own held-out
 * normal scores ({@link PairCalibration}, fitted when the combination was trained), so that on
 * normal records every member's value is distributed alike and "most surprising" means the same
 * whichever member it comes from. The record's score is the lowest of these; it is anomalous below
 * the combination's threshold. Contributions: one per member under its name, then each member's own
 * contributions as {@code member/name}, lowest first. Reason codes: the inconsistency codes of
 * every member below the threshold ({@link ReasonCodes#SCORED_ANOMALOUS} for a member that names
 * none, such as a classifier head), then what the members found missing, each code once. Modality
 * weights: each member's own, as {@code member/name} (only a DMAFN member with attention has any).
 *
 * <p>Not thread-safe, like its members: one instance per thread or Flink subtask.
 */
public final class CombinedDetector implements BatchScorer {

    private final ModelInfo info;
    // Kept from batch to batch: an entity's enrolment signature comes with each of its records.
    private EnrolmentCanvases enrolments =
            new EnrolmentCanvases(EnrolmentCanvases.DEFAULT_CAPACITY);
    private final List<LoadedMember> members;

    /**
     * @param info name, version and threshold of the combination
     * @param members the members with their calibrations; closed with this detector
     */
    public CombinedDetector(ModelInfo info, List<LoadedMember> members) {
        this.info = Objects.requireNonNull(info, "info");
        this.members = List.copyOf(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("a combination needs at least one member");
        }
    }

    /**
     * The detector of a {@code combined} snapshot, each member built from its own manifest and
     * networks.
     *
     * @throws IllegalArgumentException when the snapshot is of another type or its members are not
     *     those of {@link CombinedDetectorType#MEMBERS}
     */
    public static CombinedDetector fromSnapshot(DetectorSnapshot snapshot) {
        snapshot.requireType(CombinedDetectorType.ID);
        List<CombinedParameters.Member> stored =
                snapshot.parameters(CombinedParameters.class).members();
        List<CombinedDetectorType.MemberType> expected = CombinedDetectorType.MEMBERS;
        if (stored.size() != expected.size()) {
            throw new IllegalArgumentException(
                    snapshot + " has " + stored.size() + " members, expected " + expected.size());
        }
        List<LoadedMember> loaded = new ArrayList<>();
        try {
            for (int k = 0; k < expected.size(); k++) {
                loaded.add(load(snapshot, expected.get(k), stored.get(k)));
            }
        } catch (RuntimeException e) {
            loaded.forEach(member -> member.scorer().close());
            throw e;
        }
        return new CombinedDetector(snapshot.modelInfo(), loaded)
                .keepingEnrolmentCanvases(snapshot.enrolmentCanvases());
    }

    /** This detector keeping up to {@code capacity} enrolment canvases; set before first use. */
    private CombinedDetector keepingEnrolmentCanvases(int capacity) {
        enrolments = new EnrolmentCanvases(capacity);
        return this;
    }

    private static LoadedMember load(
            DetectorSnapshot snapshot,
            CombinedDetectorType.MemberType slot,
            CombinedParameters.Member member) {
        String type = member.manifest().detectorType();
        if (!slot.name().equals(member.name()) || !slot.type().id().equals(type)) {
            throw new IllegalArgumentException(
                    snapshot
                            + " member '"
                            + member.name()
                            + "' of type "
                            + type
                            + " is not the expected '"
                            + slot.name()
                            + "' of type "
                            + slot.type().id());
        }
        Map<String, byte[]> networks = new LinkedHashMap<>();
        for (String network : slot.type().networks()) {
            networks.put(network, snapshot.network(slot.networkName(network)));
        }
        BatchScorer scorer =
                new DetectorSnapshot(member.manifest(), networks)
                        .withGraphBackend(snapshot.graphBackend())
                        // The combination keeps the canvases and hands them to its members.
                        .withEnrolmentCanvases(0)
                        .newScorer();
        return new LoadedMember(member.name(), scorer, member.calibration());
    }

    @Override
    public Optional<EnrolmentCanvases> enrolmentCanvases() {
        return Optional.of(enrolments);
    }

    @Override
    public ModelInfo modelInfo() {
        return info;
    }

    @Override
    public List<RecordScore> score(List<MultimodalRecord> batch) {
        List<List<RecordScore>> byMember = new ArrayList<>(members.size());
        // Every member reads the same signatures: decode each image once for all of them.
        SignatureCanvases canvases = new SignatureCanvases(enrolments);
        for (LoadedMember member : members) {
            byMember.add(member.scorer().score(batch, canvases));
        }
        List<RecordScore> scores = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            scores.add(verdict(byMember, i));
        }
        return scores;
    }

    private RecordScore verdict(List<List<RecordScore>> byMember, int row) {
        double threshold = info.threshold();
        double overall = Double.POSITIVE_INFINITY;
        List<RecordScore.Contribution> contributions = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int k = 0; k < members.size(); k++) {
            LoadedMember member = members.get(k);
            RecordScore own = byMember.get(k).get(row);
            double score = member.calibration().normalise(own.score());
            overall = Math.min(overall, score);
            contributions.add(new RecordScore.Contribution(member.name(), score));
            for (RecordScore.Contribution part : own.contributions()) {
                contributions.add(
                        new RecordScore.Contribution(
                                member.name() + "/" + part.name(), part.score()));
            }
            own.modalityWeights()
                    .forEach((name, weight) -> weights.put(member.name() + "/" + name, weight));
            boolean flagged = score < threshold;
            boolean named = false;
            for (String code : own.reasonCodes()) {
                if (ReasonCodes.isMissingModality(code)) {
                    missing.add(code);
                } else if (flagged) {
                    reasons.add(code);
                    named = true;
                }
            }
            if (flagged && !named) {
                reasons.add(ReasonCodes.SCORED_ANOMALOUS);
            }
        }
        contributions.sort(Comparator.comparingDouble(RecordScore.Contribution::score));
        reasons.addAll(missing);
        return new RecordScore(
                overall,
                overall < threshold,
                List.copyOf(contributions),
                List.copyOf(reasons),
                weights);
    }

    /** Closes every member. */
    @Override
    public void close() {
        members.forEach(member -> member.scorer().close());
    }

    /**
     * A member ready to score.
     *
     * @param name the member's name in contributions
     * @param scorer the member's own scorer
     * @param calibration puts the member's scores on the combination's scale
     */
    public record LoadedMember(String name, BatchScorer scorer, PairCalibration calibration) {

        public LoadedMember {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(scorer, "scorer");
            Objects.requireNonNull(calibration, "calibration");
        }
    }
}
