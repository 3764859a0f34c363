package io.polygraph.deploy.cli;

import io.polygraph.data.SignatureFiles;
import io.polygraph.data.SignatureProtocol;
import io.polygraph.data.SignatureWriter;
import io.polygraph.eval.report.DatasetEvaluation;
import io.polygraph.eval.report.DetectorEvaluation;
import io.polygraph.eval.run.SignatureExperiment;
import io.polygraph.train.SignaturePairConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The real-signature evaluation of {@code polygraph evaluate}: CMAD's siamese signature network
 * against pixel correlation, on writers never seen in training.
 */
final class SignatureEvaluations {

    private SignatureEvaluations() {}

    static DatasetEvaluation verification(EvaluateCommand options, ProgressBarListener progress)
            throws IOException {
        Path folder =
                options.data != null
                        ? SignatureFiles.locateFolder(options.data)
                        : SignatureFiles.locateFolder();
        List<SignatureWriter> writers = SignatureFiles.read(folder);
        SignatureProtocol protocol = SignatureProtocol.defaults();
        if (options.enrolment != null) {
            protocol = protocol.withEnrolment(options.enrolment);
        }
        SignaturePairConfig config = SignaturePairConfig.defaults();
        if (options.epochs != null) {
            config = config.withEpochs(options.epochs);
        }
        if (options.targetAlertRate != null) {
            config = config.withTargetAlertRate(options.targetAlertRate);
        }
        System.out.printf(
                "Real signatures: %d writers, %d images (%s); per seed %.0f %% of the writers are"
                        + " test writers, each enrolling %d genuine signatures%n",
                writers.size(),
                writers.stream().mapToInt(w -> w.genuine().size() + w.forged().size()).sum(),
                folder.toAbsolutePath().normalize(),
                protocol.testShare() * 100,
                protocol.enrolment());
        List<DetectorEvaluation> detectors =
                new SignatureExperiment(writers, protocol)
                        .evaluate(config, options.seeds, progress);
        return DatasetEvaluation.of(
                "signatures",
                String.format(
                        "Real offline signatures, %d writers, split by writer: test writers are"
                                + " never seen in training. Each test writer enrols %d genuine"
                                + " signatures; presented: its other genuine ones (normal), its"
                                + " skilled forgeries, and as many other test writers' genuine"
                                + " ones (random forgeries). Score: minus the mean similarity"
                                + " with the enrolled signatures; threshold: %.1f %% of held-out"
                                + " training writers' genuine signatures. Rows: both forgery"
                                + " types as positives, then each type alone.",
                        writers.size(), protocol.enrolment(), config.targetAlertRate() * 100),
                detectors,
                List.of());
    }
}
