package io.polygraph.fusion;

import io.polygraph.detector.RecordScore;
import java.util.Map;

/**
 * A DMAFN verdict with what the network looked at.
 *
 * @param score the verdict, as every detector gives it
 * @param attention weight of each visible modality in the fused representation, by contribution
 *     name (attention fusion only; empty otherwise); a missing modality has no entry
 */
public record FusionExplanation(RecordScore score, Map<String, Double> attention) {

    public FusionExplanation {
        attention = Map.copyOf(attention);
    }
}
