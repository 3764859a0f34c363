package io.polygraph.gpu;

import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_N;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_T;
import static org.bytedeco.cuda.global.cublas.cublasSgemmStridedBatched;

import io.polygraph.graph.Tensor;
import io.polygraph.portable.BroadcastOp;
import io.polygraph.portable.ConcatOp;
import io.polygraph.portable.Conv2dOp;
import io.polygraph.portable.DenseOp;
import io.polygraph.portable.MatMulOp;
import io.polygraph.portable.Pool2dOp;
import io.polygraph.portable.PortableOp;
import io.polygraph.portable.ReduceOp;
import io.polygraph.portable.ReshapeOp;
import io.polygraph.portable.Shapes;
import io.polygraph.portable.SoftmaxOp;
import io.polygraph.portable.UnaryOp;
import io.polygraph.portable.Window2d;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Each portable op as GPU work: the kernels of {@code kernels.cu} for element-wise ops, windows,
 * reductions and copies, cuBLAS for every matrix product (dense layers, matmul, and convolutions as
 * products of unfolded windows).
 */
final class CudaOps {

    private static final int MAX_RANK = 8;

    /** Most floats of unfolded windows at once: a convolution of a large batch goes in parts. */
    private static final long MAX_COLUMN_FLOATS = 64L << 20;

    private final CudaKernels kernels;
    private final cublasContext cublas;
    private final DeviceBuffer columns = new DeviceBuffer();
    private final DeviceBuffer product = new DeviceBuffer();
    private final DeviceBuffer scratch = new DeviceBuffer();

    CudaOps(CudaKernels kernels, cublasContext cublas) {
        this.kernels = kernels;
        this.cublas = cublas;
    }

    void run(PortableOp op, DeviceBuffer[] in, int[][] shapes, DeviceBuffer out, int[] outShape) {
        long n = Tensor.sizeOf(outShape);
        if (op instanceof UnaryOp unary) {
            kernels.launch("unary", n, in[0], out, n, unary.function().ordinal(), unary.constant());
        } else if (op instanceof BroadcastOp broadcast) {
            kernels.launch(
                    "broadcast",
                    n,
                    in[0],
                    in[1],
                    out,
                    n,
                    broadcast.function().ordinal(),
                    dims(
                            outShape,
                            Shapes.broadcastStrides(shapes[0], outShape),
                            Shapes.broadcastStrides(shapes[1], outShape)));
        } else if (op instanceof DenseOp dense) {
            int rows = shapes[0][0];
            int inner = shapes[0][1];
            int columnsOut = outShape[1];
            gemm(
                    in[0],
                    false,
                    in[1],
                    dense.weightsTransposed(),
                    out,
                    rows,
                    inner,
                    columnsOut,
                    1,
                    1f);
            kernels.launch("add_bias", n, out, in[2], n, columnsOut);
        } else if (op instanceof MatMulOp matmul) {
            matmul(matmul, in, shapes[0], out, outShape);
        } else if (op instanceof ReshapeOp) {
            out.copyFrom(in[0], n);
        } else if (op instanceof ConcatOp concat) {
            concat(concat, in, shapes, out, outShape);
        } else if (op instanceof Conv2dOp conv) {
            conv(conv.window(), in, shapes, out, outShape);
        } else if (op instanceof Pool2dOp pool) {
            Window2d w = pool.window();
            kernels.launch(
                    "pool",
                    n,
                    in[0],
                    out,
                    n,
                    window(w, 1, shapes[0], outShape),
                    pool.max() ? 1 : 0,
                    pool.countPadding() ? 1 : 0);
        } else if (op instanceof ReduceOp reduce) {
            reduce(reduce, in[0], shapes[0], out, n);
        } else if (op instanceof SoftmaxOp softmax) {
            int axis = Shapes.axis(softmax.axis(), outShape.length);
            int inner = 1;
            for (int a = axis + 1; a < outShape.length; a++) {
                inner *= outShape[a];
            }
            long vectors = n / outShape[axis];
            kernels.launch("softmax", vectors, in[0], out, vectors, outShape[axis], inner);
        } else {
            throw new UnsupportedOperationException(
                    "no CUDA implementation of " + op.getClass().getSimpleName());
        }
    }

    private void matmul(MatMulOp op, DeviceBuffer[] in, int[] x, DeviceBuffer out, int[] outShape) {
        int rank = x.length;
        int rows = op.transposeX() ? x[rank - 1] : x[rank - 2];
        int inner = op.transposeX() ? x[rank - 2] : x[rank - 1];
        int columnsOut = op.transposeResult() ? outShape[rank - 2] : outShape[rank - 1];
        int batches = Math.toIntExact(Tensor.sizeOf(outShape) / ((long) rows * columnsOut));
        DeviceBuffer target = op.transposeResult() ? scratch : out;
        target.ensure((long) batches * rows * columnsOut);
        gemm(
                in[0],
                op.transposeX(),
                in[1],
                op.transposeY(),
                target,
                rows,
                inner,
                columnsOut,
                batches,
                op.alpha());
        if (op.transposeResult()) {
            long n = (long) batches * rows * columnsOut;
            kernels.launch("transpose_last", n, scratch, out, n, rows, columnsOut);
        }
    }

    /**
     * Row-major {@code c = alpha * a[rows, inner] * b[inner, columns]} per batch, each operand
     * optionally stored transposed: cuBLAS is column-major, so it computes {@code c^T = b^T a^T}.
     */
    private void gemm(
            DeviceBuffer a,
            boolean aTransposed,
            DeviceBuffer b,
            boolean bTransposed,
            DeviceBuffer c,
            int rows,
            int inner,
            int columnsOut,
            int batches,
            float alpha) {
        try (FloatPointer one = new FloatPointer(1).put(alpha);
                FloatPointer zero = new FloatPointer(1).put(0f)) {
            CudaCalls.cublas(
                    cublasSgemmStridedBatched(
                            cublas,
                            bTransposed ? CUBLAS_OP_T : CUBLAS_OP_N,
                            aTransposed ? CUBLAS_OP_T : CUBLAS_OP_N,
                            columnsOut,
                            rows,
                            inner,
                            one,
                            b.pointer(),
                            bTransposed ? inner : columnsOut,
                            (long) inner * columnsOut,
                            a.pointer(),
                            aTransposed ? rows : inner,
                            (long) rows * inner,
                            zero,
                            c.pointer(),
                            columnsOut,
                            (long) rows * columnsOut,
                            batches),
                    "cublasSgemmStridedBatched");
        }
    }

    private void concat(
            ConcatOp op, DeviceBuffer[] in, int[][] shapes, DeviceBuffer out, int[] outShape) {
        int along = Shapes.axis(op.axis(), outShape.length);
        long outer = 1;
        for (int a = 0; a < along; a++) {
            outer *= outShape[a];
        }
        long outBlock = Tensor.sizeOf(outShape) / Math.max(1, outer);
        long start = 0;
        for (int i = 0; i < in.length; i++) {
            long size = Tensor.sizeOf(shapes[i]);
            long block = size / Math.max(1, outer);
            kernels.launch("concat_part", size, in[i], out, size, block, outBlock, start);
            start += block;
        }
    }

    private void conv(
            Window2d w, DeviceBuffer[] in, int[][] shapes, DeviceBuffer out, int[] outShape) {
        int[] x = shapes[0];
        int images = x[0];
        int filters = outShape[1];
        int positions = outShape[2] * outShape[3];
        int patch = w.kernelHeight() * w.kernelWidth() * x[1];
        int perPart =
                (int) Math.max(1, Math.min(images, MAX_COLUMN_FLOATS / ((long) positions * patch)));
        boolean bias = in.length > 2;
        for (int first = 0; first < images; first += perPart) {
            int count = Math.min(perPart, images - first);
            long unfolded = (long) count * positions * patch;
            columns.ensure(unfolded);
            product.ensure((long) count * positions * filters);
            DeviceBuffer part = offsetView(in[0], (long) first * x[1] * x[2] * x[3]);
            kernels.launch(
                    "im2col", unfolded, part, columns, unfolded, window(w, x[1], x, outShape));
            gemm(columns, false, in[1], false, product, count * positions, patch, filters, 1, 1f);
            long n = (long) count * filters * positions;
            DeviceBuffer target = offsetView(out, (long) first * filters * positions);
            kernels.launch(
                    "conv_output",
                    n,
                    product,
                    bias ? in[2] : product,
                    target,
                    n,
                    filters,
                    positions,
                    bias ? 1 : 0);
        }
    }

    private void reduce(ReduceOp op, DeviceBuffer in, int[] shape, DeviceBuffer out, long n) {
        int[] strides = Shapes.strides(shape);
        boolean[] reducedAxes = op.reduced(shape.length);
        int[] reduced = new int[shape.length];
        long perOutput = 1;
        for (int axis = 0; axis < shape.length; axis++) {
            if (reducedAxes[axis]) {
                reduced[axis] = 1;
                perOutput *= shape[axis];
            }
        }
        kernels.launch(
                "reduce",
                n,
                in,
                out,
                n,
                perOutput,
                op.mean() ? 1 : 0,
                dims(shape, strides, reduced));
    }

    private static DeviceBuffer offsetView(DeviceBuffer buffer, long floats) {
        return floats == 0 ? buffer : new OffsetBuffer(buffer, floats);
    }

    private static byte[] window(Window2d w, int channels, int[] in, int[] out) {
        return CudaKernels.struct(
                w.kernelHeight(),
                w.kernelWidth(),
                w.strideHeight(),
                w.strideWidth(),
                w.padTop(in[2]),
                w.padLeft(in[3]),
                w.dilationHeight(),
                w.dilationWidth(),
                channels,
                in[2],
                in[3],
                out[2],
                out[3]);
    }

    private static byte[] dims(int[] shape, int[] a, int[] b) {
        if (shape.length > MAX_RANK) {
            throw new UnsupportedOperationException("rank " + shape.length + " above " + MAX_RANK);
        }
        int[] fields = new int[1 + 3 * MAX_RANK];
        fields[0] = shape.length;
        System.arraycopy(shape, 0, fields, 1, shape.length);
        System.arraycopy(a, 0, fields, 1 + MAX_RANK, a.length);
        System.arraycopy(b, 0, fields, 1 + 2 * MAX_RANK, b.length);
        return CudaKernels.struct(fields);
    }
}
