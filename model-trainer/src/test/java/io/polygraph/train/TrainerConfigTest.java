package io.polygraph.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TrainerConfigTest {

    @Test
    void defaultsFollowTheSpecification() {
        TrainerConfig config = TrainerConfig.defaults();

        assertThat(config.embeddingSize()).isEqualTo(32);
        assertThat(config.lambda()).isEqualTo(1.0);
        assertThat(config.gamma()).isEqualTo(0.3);
        assertThat(config.targetAlertRate()).isEqualTo(0.005);
        assertThat(config.recentLimit()).isEqualTo(20);
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        TrainerConfig config = TrainerConfig.builder().epochs(3).seed(7).build();

        assertThat(config.epochs()).isEqualTo(3);
        assertThat(config.seed()).isEqualTo(7);
        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.withEpochs(5).toBuilder().epochs(3).build()).isEqualTo(config);
    }

    @Test
    void rejectsValuesOutOfRangeNamingThem() {
        assertThatThrownBy(() -> TrainerConfig.builder().epochs(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochs");
        assertThatThrownBy(() -> TrainerConfig.builder().targetAlertRate(0.7).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targetAlertRate");
        assertThatThrownBy(() -> TrainerConfig.builder().dropout(1.0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dropout");
    }

    @Test
    void survivesJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        TrainerConfig config = TrainerConfig.builder().gamma(0.2).trainOnNormalOnly(false).build();

        assertThat(mapper.readValue(mapper.writeValueAsString(config), TrainerConfig.class))
                .isEqualTo(config);
    }
}
