package io.polygraph.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polygraph.schema.RiskRating;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void knownValuesTakeSortedSlotsAfterOther() {
        Vocabulary vocabulary = Vocabulary.of(Arrays.asList("5812", "5411", "5411", null));

        assertThat(vocabulary.tokens()).containsExactly("5411", "5812");
        assertThat(vocabulary.size()).isEqualTo(3);
        assertThat(vocabulary.slot("5411")).isEqualTo(1);
        assertThat(vocabulary.slot("5812")).isEqualTo(2);
    }

    @Test
    void unknownAndNullValuesGoToOther() {
        Vocabulary vocabulary = Vocabulary.of(List.of("DE", "FR"));

        assertThat(vocabulary.slot("ZZ")).isZero();
        assertThat(vocabulary.slot(null)).isZero();
    }

    @Test
    void enumVocabularyHoldsEverySymbol() {
        Vocabulary vocabulary = Vocabulary.ofEnum(RiskRating.class);

        assertThat(vocabulary.size()).isEqualTo(RiskRating.values().length + 1);
        assertThat(vocabulary.slot(RiskRating.HIGH.name())).isPositive();
    }

    @Test
    void rejectsUnsortedTokens() {
        assertThatThrownBy(() -> new Vocabulary(List.of("b", "a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
