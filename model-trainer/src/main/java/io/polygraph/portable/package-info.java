/**
 * Scoring the detectors' trained graphs without ND4J: a reader of the SameDiff FlatBuffers files
 * that snapshots hold, and an interpreter of the ops those graphs use, in plain Java.
 *
 * <p>Why: ND4J's native libraries are 90 MB for the CPU and carry no GPU code for Hopper (compute
 * capability 9.0), so a GPU backend for H100s has to run the graphs some other way, and on a
 * machine that cannot take ND4J's binaries. {@link io.polygraph.portable.PortableGraph} reads a
 * network from its bytes alone (the FlatBuffers classes of {@code nd4j-api}, without initialising
 * ND4J) and compiles the ops its outputs need into a fixed program. Each op's {@code run} is the
 * reference meaning every backend must reproduce: it is checked against ND4J's own execution of the
 * same graphs.
 */
package io.polygraph.portable;
