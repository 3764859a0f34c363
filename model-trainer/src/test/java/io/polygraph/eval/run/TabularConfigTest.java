package io.polygraph.eval.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.train.AutoencoderConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabularConfigTest {

    @Test
    void theAutoencoderGrowsWithTheColumnsUpToItsCaps() {
        assertShape(TabularConfig.autoencoderFor(2), List.of(16, 8), 1);
        assertShape(TabularConfig.autoencoderFor(6), List.of(16, 8), 2);
        assertShape(TabularConfig.autoencoderFor(40), List.of(40, 20), 10);
        assertShape(TabularConfig.autoencoderFor(300), List.of(128, 64), 16);
    }

    @Test
    void theBottleneckIsNarrowerThanEveryInputOfTwoOrMoreColumns() {
        for (int width = 2; width <= 200; width++) {
            assertThat(TabularConfig.autoencoderFor(width).bottleneck()).isLessThan(width);
        }
    }

    @Test
    void duadHasAtMostOneMixtureComponentPerTenTrainingRows() {
        TabularConfig config = TabularConfig.defaults();

        assertThat(config.selectionFor(1000, 3).components()).isEqualTo(20);
        assertThat(config.selectionFor(57, 3).components()).isEqualTo(5);
        assertThat(config.selectionFor(57, 3).seed()).isEqualTo(3);
    }

    @Test
    void rangesAreChecked() {
        assertThatThrownBy(() -> TabularConfig.defaults().withTestShare(0))
                .hasMessageContaining("testShare");
        assertThatThrownBy(() -> TabularConfig.defaults().withTargetAlertRate(1.0))
                .hasMessageContaining("targetAlertRate");
    }

    private static void assertShape(AutoencoderConfig config, List<Integer> hidden, int code) {
        assertThat(config.hidden()).isEqualTo(hidden);
        assertThat(config.bottleneck()).isEqualTo(code);
    }
}
