package io.polygraph.features;

/**
 * A fixed-width row of features being filled left to right, remembering which columns are
 * continuous (to be standardised) and which are indicators (one-hot slots and flags, left as 0/1).
 *
 * <p>Package-private: encoders use it so that the column order lives in one method per modality.
 * Not thread-safe; one row per record.
 */
final class FeatureRow {

    private final float[] values;
    private final boolean[] continuous;
    private int position;

    FeatureRow(int width) {
        this.values = new float[width];
        this.continuous = new boolean[width];
    }

    /**
     * Appends a continuous value; non-finite values become 0 so that one bad field cannot NaN a
     * row.
     */
    FeatureRow number(double value) {
        continuous[position] = true;
        values[position++] = Double.isFinite(value) ? (float) value : 0f;
        return this;
    }

    /** Appends a 0/1 indicator. */
    FeatureRow flag(boolean value) {
        values[position++] = value ? 1f : 0f;
        return this;
    }

    /** Appends {@code size} indicator columns with a 1 at {@code slot}. */
    FeatureRow oneHot(int slot, int size) {
        values[position + slot] = 1f;
        position += size;
        return this;
    }

    /** Appends continuous shares (for example the category mix of the recent transactions). */
    FeatureRow numbers(double[] shares) {
        for (double share : shares) {
            number(share);
        }
        return this;
    }

    /** The filled row; fails if the encoder and its declared width disagree. */
    float[] values() {
        requireFull();
        return values;
    }

    /** Which columns are continuous. */
    boolean[] continuousColumns() {
        requireFull();
        return continuous.clone();
    }

    private void requireFull() {
        if (position != values.length) {
            throw new IllegalStateException(
                    "feature row filled " + position + " of " + values.length + " columns");
        }
    }
}
