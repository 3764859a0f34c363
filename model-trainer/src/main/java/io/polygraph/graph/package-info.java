/**
 * Inference on trained SameDiff graphs without SameDiff's per-call bookkeeping: {@link
 * io.polygraph.graph.InferencePlan} compiles the ops an output needs once and then runs the same op
 * objects on every batch, with the same values as {@code SameDiff.output}.
 *
 * <p>Why: at the small batches that low latency needs, {@code SameDiff.output} spent most of a
 * scoring call setting up its ops rather than computing (about 70 ms per call for the default
 * detector whatever the batch size below 16 records); a plan brings that to a few milliseconds.
 * Training still runs in SameDiff; only the networks' scoring paths use plans.
 */
package io.polygraph.graph;
