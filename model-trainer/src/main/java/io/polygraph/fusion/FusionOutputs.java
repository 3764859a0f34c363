package io.polygraph.fusion;

/**
 * What one run of a {@link FusionNetwork} gives for a batch; each array is null when the network's
 * head or fusion mode does not produce it.
 *
 * @param modalityErrors [batch][modality] normalised reconstruction errors (autoencoder head)
 * @param anomalyLogits [batch] logits of "anomalous" (classifier head)
 * @param attention [batch][modality] fusion weights (attention fusion)
 */
public record FusionOutputs(
        double[][] modalityErrors, double[] anomalyLogits, double[][] attention) {}
