/**
 * The combined detector: CMAD and DMAFN scoring the same records, a record as suspicious as the
 * member that finds it most surprising.
 *
 * <p>Why a combination: on the synthetic world the two catch different frauds. CMAD compares
 * modalities pairwise and catches most signature mismatches, which a learned classifier over the
 * fused record largely misses; DMAFN's classifier head catches behaviour that contradicts the
 * profile far better than CMAD's unsupervised consensus. Each member's score is put on the scale of
 * its own held-out normal records, so the minimum compares like with like, and one threshold is set
 * for the target alert rate of the combination.
 */
package io.polygraph.combined;
