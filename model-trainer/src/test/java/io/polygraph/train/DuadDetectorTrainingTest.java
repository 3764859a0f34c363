package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.MultimodalRecord;
import io.polygraph.detector.RecordScore;
import io.polygraph.detector.SnapshotScorerFactory;
import io.polygraph.schema.AnomalyType;
import io.polygraph.unsupervised.SelectionConfig;
import io.polygraph.world.WorldJoin;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code autoencoder} detector trained by DUAD: on every training record, anomalies included,
 * in rounds capped by the epochs, recorded as such in its snapshot.
 */
class DuadDetectorTrainingTest {

    @Test
    void duadTrainsOnContaminatedRecordsAndItsSnapshotSaysSo(@TempDir Path dir) throws Exception {
        List<WorldJoin.LabelledRecord> world = TestDetectors.world(101, 30, 10);
        AutoencoderDetectorConfig config =
                AutoencoderDetectorConfig.defaults()
                        .withNetwork(new AutoencoderConfig(List.of(32), 8, 64, 1e-3, 0.0, 1e-5, 0))
                        .withDuad(SelectionConfig.defaults().withComponents(4).withReselectEvery(2))
                        .withEpochs(4);

        AutoencoderTrainingResult result =
                new AutoencoderDetectorTrainer(config).train(world, TrainingListener.NONE);

        EntitySplit split = EntitySplit.of(world, config.heldOutShare(), config.seed());
        assertThat(split.training()).anyMatch(r -> r.label().getType() != AnomalyType.NORMAL);
        assertThat(result.trainingRecords()).isEqualTo(split.training().size());
        assertThat(result.duad().rounds().size()).isBetween(2, 3);
        assertThat(result.epochLosses().length).isLessThanOrEqualTo(4);

        Path file = dir.resolve("duad.zip");
        result.snapshot().save(file);
        DetectorSnapshot loaded = DetectorSnapshot.read(file);
        JsonNode training = loaded.manifest().trainingConfig();
        assertThat(loaded.manifest().name()).isEqualTo(AutoencoderDetectorConfig.DUAD);
        assertThat(training.get("method").asText()).isEqualTo(AutoencoderDetectorConfig.DUAD);
        assertThat(training.get("labelsChoseTrainingRecords").asBoolean()).isFalse();
        assertThat(training.get("duadRounds")).hasSize(result.duad().rounds().size());

        List<MultimodalRecord> records = TestDetectors.records(world).subList(0, 100);
        try (BatchScorer scorer = new SnapshotScorerFactory(file).create()) {
            List<RecordScore> scores = scorer.score(records);
            assertThat(scores).isEqualTo(result.detector().score(records));
            assertThat(scores).allSatisfy(s -> assertThat(s.score()).isBetween(-1.0, 1.0));
        }
    }
}
