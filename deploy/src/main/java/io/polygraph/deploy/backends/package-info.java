/**
 * Scoring throughput of one snapshot on several graph backends, side by side in one run, and the
 * records file it reads: the benchmark issue 8 runs on a GPU machine from a folder that holds no
 * ND4J, Flink or Kafka (see {@code deploy/gpu-bundle}).
 *
 * <p>Nothing here may reach ND4J unless the {@code nd4j} backend is asked for: the GPU folder has
 * no ND4J native libraries.
 */
package io.polygraph.deploy.backends;
