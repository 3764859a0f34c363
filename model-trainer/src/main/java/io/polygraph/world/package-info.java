/**
 * The synthetic multimodal world: customers with KYC profiles, their transactions and signatures,
 * and labelled anomalies, generated deterministically from a seed.
 *
 * <p>Entry points: {@link io.polygraph.world.WorldGenerator#generate} makes a {@link
 * io.polygraph.world.World} from a {@link io.polygraph.world.WorldConfig}; {@link
 * io.polygraph.world.World#eventsInTimeOrder()} is the order a publisher writes it to Kafka; {@link
 * io.polygraph.world.WorldFiles} stores it as Avro container files; {@link
 * io.polygraph.world.WorldJoin} replays it as the streaming job's join would, with labels, for the
 * trainer.
 *
 * <p>Inside: profiles come from {@code ProfileFactory} and {@code CustomerFactory}, behaviour from
 * {@code SpendingBehaviour} and {@code TransactionSampler}, anomalies from {@code AnomalyInjector}
 * with {@code ContrastRecipe} and {@code OutlierRecipe}, and signatures from a {@code
 * SignatureStudio}: {@code ProceduralSignatureStudio} (synthetic writers rendered with Java2D) or
 * {@code RealSignatureLibrary} (scanned signatures from a folder).
 */
package io.polygraph.world;
