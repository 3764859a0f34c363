/**
 * Adversarial training in SameDiff: several networks ("players") in one graph, each updated only by
 * its own loss, with its own Adam state.
 *
 * <p>Why one graph and not one per network: the networks share intermediate results (a
 * discriminator sees the generator's samples, a generator is judged by the discriminator's
 * features), and SameDiff 1.0.0-M2.1 cannot restrict training to some variables ({@code
 * TrainingConfig} has no such option; turning variables into constants and back resets their Adam
 * state; changing the loss variables rebuilds the gradient graph). So the graph declares every
 * player's loss at once, and {@link io.polygraph.gan.AdversarialGraph} differentiates their sum
 * with respect to one player's variables at a time. {@link io.polygraph.gan.GradientStop} cuts
 * every path by which a loss would reach another player's variables, so that this derivative is
 * exactly the player's own loss's. Used by MMOC-GAN ({@link io.polygraph.gan.mmoc}) and IGMM-BiGAN
 * ({@link io.polygraph.gan.bigan}).
 */
package io.polygraph.gan;
