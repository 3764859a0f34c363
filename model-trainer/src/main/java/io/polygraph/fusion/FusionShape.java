package io.polygraph.fusion;

/**
 * The widths of DMAFN's inputs, fixed by a {@link FusionEncoding}.
 *
 * @param profile profile feature columns
 * @param transaction transaction feature columns
 * @param historySteps steps of the history sequence
 * @param stepWidth columns of one history step
 */
public record FusionShape(int profile, int transaction, int historySteps, int stepWidth) {

    /** Columns of the flattened history sequence. */
    public int history() {
        return historySteps * stepWidth;
    }
}
