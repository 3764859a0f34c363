// Kernels of the CUDA graph backend, compiled at run time by NVRTC for the GPU found. Each one
// computes what the portable interpreter's op of the same name computes (io.polygraph.portable),
// in float32; sums run in float, as cuBLAS's do. One thread per output value unless said.

#define MAX_RANK 8

// Shapes and strides of up to MAX_RANK axes, passed by value.
struct Dims {
    int rank;
    int shape[MAX_RANK];
    int a[MAX_RANK];
    int b[MAX_RANK];
};

// UnaryOp.Function, by ordinal.
extern "C" __global__ void unary(const float* x, float* y, long long n, int function, float c) {
    long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x;
    if (i >= n) return;
    float v = x[i];
    float r;
    switch (function) {
        case 0: r = v; break;                                  // identity
        case 1: r = v > c ? v : 0.0f; break;                   // relu with cut-off
        case 2: r = 1.0f / (1.0f + expf(-v)); break;           // sigmoid
        case 3: r = tanhf(v); break;                           // tanh
        case 4: r = sqrtf(v); break;                           // sqrt
        case 5: r = v + c; break;                              // add
        case 6: r = v * c; break;                              // multiply
        case 7: r = v / c; break;                              // divide
        default: r = c - v; break;                             // reverse subtract
    }
    y[i] = r;
}

// BroadcastOp.Function, by ordinal; dims.shape is the output's, dims.a and dims.b the operands'
// strides along it (0 where an operand is broadcast).
extern "C" __global__ void broadcast(
        const float* x, const float* y, float* out, long long n, int function, Dims dims) {
    long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x;
    if (i >= n) return;
    long long rest = i;
    long long xi = 0, yi = 0;
    for (int axis = dims.rank - 1; axis >= 0; axis--) {
        long long index = rest % dims.shape[axis];
        rest /= dims.shape[axis];
        xi += index * dims.a[axis];
        yi += index * dims.b[axis];
    }
    float u = x[xi], v = y[yi];
    float r;
    switch (function) {
        case 0: r = u + v; break;
        case 1: r = u - v; break;
        case 2: r = u * v; break;
        default: r = u / v; break;
    }
    out[i] = r;
}

// Adds bias[column] to every row of a [rows, columns] matrix.
extern "C" __global__ void add_bias(float* out, const float* bias, long long n, int columns) {
    long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x;
    if (i >= n) return;
    out[i] += bias[i % columns];
}

// Swaps the last two axes of [batches, rows, columns] into [batches, columns, rows].
extern "C" __global__ void transpose_last(
        const float* in, float* out, long long n, int rows, int columns) {
    long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x;
    if (i >= n) return;
    long long matrix = i / ((long long) rows * columns);
    int within = (int) (i % ((long long) rows * columns));
    int r = within / columns, c = within % columns;
    out[matrix * rows * columns + (long long) c * rows + r] = in[i];
}

// Window geometry of a convolution or pooling: kernel, stride, padding before, dilation.
struct Window {
    int kh, kw, sh, sw, top, left, dh, dw;
    int channels, height, width, outHeight, outWidth;
};

// One image batch's windows as rows [(image, oh, ow), (kh, kw, channel)], the weights' order.
extern "C" __global__ void im2col(const float* images, float* columns, long long n, Window w) {
    long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x;
    if (i >= n) return;
    int patch = w.kh * w.kw * w.channels;
    long long row = i / patch;
    int k = (int) (i % patch);
    int c = k % w.channels;
    int kw = (k / w.channels) % w.kw;
    int kh = k / (w.channels * w.kw);
    int positions = w.outHeight * w.outWidth;
    long long image = row / positions;
    int position = (int) (row % positions);
    int oh = position / w.outWidth, ow = position % w.outWidth;
    int ih = oh * w.sh - w.top + kh * w.dh;
    int iw = ow * w.sw - w.left + kw * w.dw;
    bool inside = ih >= 0 && ih < w.height && iw >= 0 && iw < w.width;
    columns[i] = inside
            ? images[((image * w.channels + c) * w.height + ih) * (long long) w.width + iw]
            : 0.0f;
}

// [(image, position), filter] products to [image, filter, position] with the filter's bias.
extern "C" __global__ void conv_output(
        const float* product, const float* bias, float* out, long long n, int filters,
        int positions, int hasBias) {
    long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x;
    if (i >= n) return;
    long long image = i / ((long long) filters * positions);
    int within = (int) (i % ((long long) filters * positions));
    int f = within / positions, p = within % positions;
    out[i] = product[(image * positions + p) * filters + f] + (hasBias ? bias[f] : 0.0f);
}

// Max or average pooling of channels-first planes; w.channels is unused.
extern "C" __global__ void pool(
        const float* in, float* out, long long n, Window w, int max, int countPadding) {
    long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x;
    if (i >= n) return;
    int positions = w.outHeight * w.outWidth;
    long long plane = i / positions;
    int position = (int) (i % positions);
    int oh = position / w.outWidth, ow = position % w.outWidth;
    const float* base = in + plane * w.height * (long long) w.width;
    float sum = 0.0f, best = -__int_as_float(0x7f800000);
    int count = 0;
    for (int kh = 0; kh < w.kh; kh++) {
        int ih = oh * w.sh - w.top + kh * w.dh;
        for (int kw = 0; kw < w.kw; kw++) {
            int iw = ow * w.sw - w.left + kw * w.dw;
            if (ih >= 0 && ih < w.height && iw >= 0 && iw < w.width) {
                float v = base[ih * w.width + iw];
                sum += v;
                best = fmaxf(best, v);
                count++;
            }
        }
    }
    int divisor = countPadding ? w.kh * w.kw : count;
    out[i] = max ? best : sum / divisor;
}

// Sum or mean over the reduced axes: dims.shape is the input's, dims.a the input's strides,
// dims.b 1 on reduced axes; one thread per output value walks its reduced values.
extern "C" __global__ void reduce(
        const float* in, float* out, long long n, long long perOutput, int mean, Dims dims) {
    long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x;
    if (i >= n) return;
    // The output index's coordinates along the kept axes, then every reduced coordinate.
    long long keptRest = i;
    long long base = 0;
    for (int axis = dims.rank - 1; axis >= 0; axis--) {
        if (!dims.b[axis]) {
            long long index = keptRest % dims.shape[axis];
            keptRest /= dims.shape[axis];
            base += index * dims.a[axis];
        }
    }
    float sum = 0.0f;
    for (long long r = 0; r < perOutput; r++) {
        long long rest = r;
        long long offset = base;
        for (int axis = dims.rank - 1; axis >= 0; axis--) {
            if (dims.b[axis]) {
                long long index = rest % dims.shape[axis];
                rest /= dims.shape[axis];
                offset += index * dims.a[axis];
            }
        }
        sum += in[offset];
    }
    out[i] = mean ? sum / perOutput : sum;
}

// Softmax along an axis of length `length`, values `inner` apart; one thread per vector.
extern "C" __global__ void softmax(
        const float* in, float* out, long long vectors, int length, int inner) {
    long long v = blockIdx.x * (long long) blockDim.x + threadIdx.x;
    if (v >= vectors) return;
    long long start = (v / inner) * (long long) length * inner + v % inner;
    float best = -__int_as_float(0x7f800000);
    for (int k = 0; k < length; k++) best = fmaxf(best, in[start + (long long) k * inner]);
    float sum = 0.0f;
    for (int k = 0; k < length; k++) sum += expf(in[start + (long long) k * inner] - best);
    for (int k = 0; k < length; k++) {
        out[start + (long long) k * inner] = expf(in[start + (long long) k * inner] - best) / sum;
    }
}

// Copies one input of a concatenation into its place: `outer` blocks of `block` values, each
// to offset `start` of the output's blocks of `outBlock` values.
extern "C" __global__ void concat_part(
        const float* in, float* out, long long n, long long block, long long outBlock,
        long long start) {
    long long i = blockIdx.x * (long long) blockDim.x + threadIdx.x;
    if (i >= n) return;
    long long o = i / block;
    out[o * outBlock + start + i % block] = in[i];
}
