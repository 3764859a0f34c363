package io.polygraph.deploy.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * Holds the source until released: so the heap can be measured with the job running and no record
 * in, and so the source never ends (the permit after the last record is never given).
 *
 * <p>The source reader takes one permit per record ({@link #acquire}); the benchmark releases
 * permits in batches ({@link #release}) and learns from {@link #markOpened} that the job's
 * generator is running.
 */
final class SourceGate {
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private long released;
    private long taken;

    synchronized CompletionStage<Void> acquire() {
        CompletableFuture<Void> permit = new CompletableFuture<>();
        if (taken < released) {
            taken++;
            permit.complete(null);
        } else {
            waiting.add(permit);
        }
        return permit;
    }

    void release(long count) {
        List<CompletableFuture<Void>> granted = new ArrayList<>();
        synchronized (this) {
            released += count;
            while (taken < released && !waiting.isEmpty()) {
                taken++;
                granted.add(waiting.poll());
            }
        }
        granted.forEach(permit -> permit.complete(null));
    }

    /** Called by the generator once it holds the template world. */
    void markOpened() {
        opened.complete(null);
    }

    /** Waits until the job runs and its generator holds the template world. */
    void awaitOpened(MiniCluster cluster, JobID job, Duration waitLimit) throws Exception {
        long deadline = System.nanoTime() + waitLimit.toNanos();
        while (!opened.isDone()) {
            JobStatus status = cluster.getJobStatus(job).get();
            if (status.isTerminalState() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the state-size job did not start: " + status);
            }
            Thread.sleep(50);
        }
    }
}
