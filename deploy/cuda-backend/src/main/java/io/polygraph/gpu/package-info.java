/**
 * The CUDA graph backend ({@code cuda}): the portable interpreter's compiled programs run on an
 * NVIDIA GPU through JavaCPP's presets for CUDA 13, with cuBLAS for the matrix products and kernels
 * NVRTC compiles at start for the GPU found (so Hopper's compute capability 9.0 is served as any
 * other), weights read from the snapshot's networks.
 *
 * <p>Why a module of its own: the CUDA 13 presets need JavaCPP 1.5.13, ND4J is built on 1.5.7, and
 * the two cannot share a class path; this module's jars go only where ND4J does not, such as the
 * folder {@code deploy/gpu-bundle} makes. Its class path needs no ND4J class but the FlatBuffers
 * ones.
 */
package io.polygraph.gpu;
