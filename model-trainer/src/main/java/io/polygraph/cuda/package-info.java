/**
 * ND4J's CUDA backend and the GPUs it can run on: the check a process makes before it loads a
 * network in the {@code -Pcuda} build ({@link io.polygraph.cuda.CudaBackendCheck}).
 */
package io.polygraph.cuda;
