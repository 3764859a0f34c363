package io.polygraph.detector;

/**
 * A {@link DetectorType} whose scorers read {@link MultimodalRecord}s: the types the streaming job
 * can run. Subclasses give the id, the networks and the scorer.
 */
public abstract class TransactionDetectorType implements DetectorType {

    @Override
    public final String scoredItems() {
        return "transactions";
    }

    @Override
    public final boolean scoresTransactions() {
        return true;
    }
}
