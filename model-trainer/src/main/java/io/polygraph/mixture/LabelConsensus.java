package io.polygraph.mixture;

import java.util.Arrays;
import java.util.List;

/**
 * Turns the thinned label samples of the Gibbs chain into one labelling.
 *
 * <p>Cluster labels are arbitrary in each sample (label switching), so every sample is first
 * aligned to the last one, the most converged, by the Hungarian method on the cluster overlap
 * counts; a cluster with no partner in the reference gets a fresh label. Each point then takes the
 * label it carries most often across the aligned samples, ties going to the later sample. Why the
 * consensus and not just the last sample: a point on the border of two clusters flips between them
 * from sample to sample, and the mode uses all the samples to place it, which is the point of
 * keeping several; for points that never move (the vast majority) both choices agree.
 */
final class LabelConsensus {

    private LabelConsensus() {}

    /** The consensus labels, in {@code [0, number of distinct labels)}. */
    static int[] of(List<int[]> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no label samples");
        }
        int[] reference = samples.get(samples.size() - 1);
        int[][] aligned = new int[samples.size()][];
        int nextFreshLabel = labelCount(reference);
        for (int s = 0; s < samples.size(); s++) {
            int[] sample = samples.get(s);
            int[] mapping = alignment(sample, reference, nextFreshLabel);
            for (int label : mapping) {
                nextFreshLabel = Math.max(nextFreshLabel, label + 1);
            }
            aligned[s] = new int[sample.length];
            for (int i = 0; i < sample.length; i++) {
                aligned[s][i] = mapping[sample[i]];
            }
        }
        return compact(mode(aligned));
    }

    /**
     * For each label of {@code sample}, the reference label it is matched to, or a fresh label from
     * {@code firstFresh} on when it has no partner.
     */
    static int[] alignment(int[] sample, int[] reference, int firstFresh) {
        int sampleLabels = labelCount(sample);
        int referenceLabels = labelCount(reference);
        int size = Math.max(sampleLabels, referenceLabels);
        double[][] cost = new double[size][size];
        for (int i = 0; i < sample.length; i++) {
            cost[sample[i]][reference[i]] -= 1;
        }
        int[] matched = HungarianAssignment.solve(cost);
        int[] mapping = new int[sampleLabels];
        int fresh = firstFresh;
        for (int label = 0; label < sampleLabels; label++) {
            mapping[label] = matched[label] < referenceLabels ? matched[label] : fresh++;
        }
        return mapping;
    }

    private static int[] mode(int[][] aligned) {
        int samples = aligned.length;
        int[] consensus = new int[aligned[0].length];
        for (int i = 0; i < consensus.length; i++) {
            int best = aligned[samples - 1][i];
            int bestVotes = 0;
            for (int s = samples - 1; s >= 0; s--) {
                int votes = 0;
                for (int[] sample : aligned) {
                    votes += sample[i] == aligned[s][i] ? 1 : 0;
                }
                if (votes > bestVotes) {
                    best = aligned[s][i];
                    bestVotes = votes;
                }
            }
            consensus[i] = best;
        }
        return consensus;
    }

    private static int[] compact(int[] labels) {
        int[] renamed = new int[labelCount(labels)];
        Arrays.fill(renamed, -1);
        int next = 0;
        int[] compacted = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (renamed[labels[i]] < 0) {
                renamed[labels[i]] = next++;
            }
            compacted[i] = renamed[labels[i]];
        }
        return compacted;
    }

    private static int labelCount(int[] labels) {
        int max = -1;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        return max + 1;
    }
}
