package io.polygraph.deploy.bench;

import io.polygraph.deploy.bench.StateSize.Measurement;
import io.polygraph.deploy.bench.StateSize.Result;
import io.polygraph.deploy.bench.StateSize.SerializedState;
import java.io.PrintStream;
import java.util.Locale;

/** Benchmark 5 as a console table, with the extrapolation to the issue's figure labelled. */
final class StateSizeReport {

    /** The figure of the performance issue; extrapolated, never measured here. */
    static final long ISSUE_ENTITIES = 1_000_000;

    private StateSizeReport() {}

    /** Prints {@code result}: each measured size, the serialized state, the extrapolation. */
    static void print(PrintStream out, Result result) {
        out.println();
        printSizes(out, result);
        printSerialized(out, result);
        printExtrapolation(out, result.largest());
        out.println(
                "   RocksDB (the Kubernetes deployment's backend) is not measured: its native"
                        + " library is not in this build.");
    }

    private static void printSizes(PrintStream out, Result result) {
        out.printf(
                Locale.ROOT,
                "5. State and memory: keyed state of the entity join (EntityJoinFunction, local"
                        + " MiniCluster, parallelism 1),%n   state backend %s (the job's default),"
                        + " full checkpoint to files; each entity: profile, enrolment signature,"
                        + " %d recent transactions (copied from %d generated customers)%n",
                StateSize.STATE_BACKEND,
                result.recentTransactions(),
                result.templates());
        out.printf(
                Locale.ROOT,
                "   %10s %12s %10s %14s %10s %13s%n",
                "entities",
                "checkpoint",
                "B/entity",
                "heap after GC",
                "B/entity",
                "checkpoint s");
        for (Measurement m : result.sizes()) {
            out.printf(
                    Locale.ROOT,
                    "   %10d %12s %10.0f %14s %10.0f %13.1f%n",
                    m.entities(),
                    megabytes(m.checkpointBytes()),
                    m.checkpointBytesPerEntity(),
                    megabytes(m.heapBytes()),
                    m.heapBytesPerEntity(),
                    m.checkpointSeconds());
        }
    }

    private static void printSerialized(PrintStream out, Result result) {
        StringBuilder parts = new StringBuilder();
        for (SerializedState state : result.serialized()) {
            parts.append(parts.isEmpty() ? "" : ", ")
                    .append(state.state())
                    .append(String.format(Locale.ROOT, " %.0f", state.bytesPerEntity()));
        }
        out.printf(
                Locale.ROOT,
                "   One entity serialized with the state's serializers (bytes): %s; total %.0f"
                        + " (signature image %.0f)%n",
                parts,
                result.serializedBytesPerEntity(),
                result.signatureImageBytes());
    }

    private static void printExtrapolation(PrintStream out, Measurement largest) {
        out.printf(
                Locale.ROOT,
                "   %,d entities, extrapolated from %,d measured (not measured): checkpoint %s,"
                        + " heap %s%n",
                ISSUE_ENTITIES,
                largest.entities(),
                gigabytes(largest.checkpointBytesPerEntity() * ISSUE_ENTITIES),
                gigabytes(largest.heapBytesPerEntity() * ISSUE_ENTITIES));
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String gigabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
