package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.eval.LabelledScores;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.report.FailedRun;
import io.polygraph.eval.report.SeedRun;
import io.polygraph.gan.DivergenceCheck;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunAttemptsTest {

    private static SeedRun run(long seed) {
        return SeedRun.builder(seed)
                .scores(
                        LabelledScores.of(
                                new double[] {0.1, 0.2, 0.9, 0.3},
                                List.of("NORMAL", "NORMAL", "FRAUD", "NORMAL"),
                                Set.of("FRAUD")))
                .threshold(0.5)
                .wallTimeSeconds(1)
                .build();
    }

    /** A run whose trained model scores every training row alike: diverged. */
    private static SeedRun diverged() {
        DivergenceCheck.trainingScores("mmoc", new double[] {0.5, 0.5});
        throw new AssertionError("the check should have thrown");
    }

    @Test
    void keepsSuccessfulRunsAndTurnsADivergedOneIntoAFailedRun() {
        RunAttempts attempts = new RunAttempts();

        assertThat(attempts.run(1, () -> run(1))).isTrue();
        assertThat(attempts.run(2, RunAttemptsTest::diverged)).isFalse();
        assertThat(attempts.run(3, () -> run(3))).isTrue();

        assertThat(attempts.runs()).extracting(SeedRun::seed).containsExactly(1L, 3L);
        FailedRun failed = attempts.failedRuns().get(0);
        assertThat(attempts.failedRuns()).hasSize(1);
        assertThat(failed.seed()).isEqualTo(2);
        assertThat(failed.wallTimeSeconds()).isNotNegative();
        assertThat(failed.reason())
                .isEqualTo(
                        "training diverged: mmoc raw scores all equal 0.5 on 2 training rows"
                                + " (nothing to rank by)");
        DetectorEvaluation evaluation = attempts.evaluation("MMOC-GAN", Map.of("epochs", 2));
        assertThat(evaluation.runs()).hasSize(2);
        assertThat(evaluation.failedRuns()).containsExactly(failed);
    }

    @Test
    void letsEveryOtherExceptionThrough() {
        RunAttempts attempts = new RunAttempts();

        assertThatThrownBy(
                        () ->
                                attempts.run(
                                        1,
                                        () -> {
                                            throw new IllegalStateException("a bug");
                                        }))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("a bug");
        assertThat(attempts.failedRuns()).isEmpty();
    }
}
