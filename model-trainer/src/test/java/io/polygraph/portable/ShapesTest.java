package io.polygraph.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Broadcasting as NumPy does it, which every backend's element-wise ops rely on. */
class ShapesTest {

    @Test
    void broadcastStridesAreZeroAlongAxesAnOperandHoldsOnceOrLacks() {
        assertThat(Shapes.broadcastStrides(new int[] {1, 32}, new int[] {8, 32}))
                .containsExactly(0, 1);
        assertThat(Shapes.broadcastStrides(new int[] {8, 1}, new int[] {8, 32}))
                .containsExactly(1, 0);
        assertThat(Shapes.broadcastStrides(new int[] {32}, new int[] {4, 8, 32}))
                .containsExactly(0, 0, 1);
    }

    @Test
    void shapesBroadcastFromTheTrailingAxis() {
        assertThat(Shapes.broadcast(new int[] {8, 1}, new int[] {5})).containsExactly(8, 5);
        assertThatThrownBy(() -> Shapes.broadcast(new int[] {8, 3}, new int[] {4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[8, 3]");
    }
}
