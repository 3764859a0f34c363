package io.polygraph.job.join;

import static io.polygraph.job.SampleRecords.T0;
import static io.polygraph.job.SampleRecords.presented;
import static io.polygraph.job.SampleRecords.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.polygraph.schema.DeadLetter;
import io.polygraph.schema.SignatureImage;
import io.polygraph.schema.Transaction;
import io.polygraph.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Late records as dead letters: replayable, honest about unknown coordinates, no payload text. */
class LateRecordDeadLettersTest {

    private static final int MAX_VALUE_BYTES = 64 * 1024;

    private final LateRecordDeadLetters toDeadLetter =
            new LateRecordDeadLetters(
                    Topics.TRANSACTIONS, Topics.PROFILES, Topics.SIGNATURES, MAX_VALUE_BYTES);

    @Test
    void lateTransactionBecomesADeadLetterThatDecodesBackToIt() throws Exception {
        Transaction t =
                transaction("entity-1", "tx-1", T0).setMerchantId("merchant-secret").build();

        DeadLetter letter =
                toDeadLetter.map(
                        new LateRecord(EntityEvents.of(t), T0.plusSeconds(6).toEpochMilli()));

        assertThat(letter.getSourceTopic()).isEqualTo(Topics.TRANSACTIONS_NAME);
        assertThat(letter.getPartition()).isEqualTo(LateRecordDeadLetters.UNKNOWN_COORDINATE);
        assertThat(letter.getOffset()).isEqualTo(LateRecordDeadLetters.UNKNOWN_COORDINATE);
        assertThat(letter.getErrorClass()).isEqualTo("LATE_TRANSACTION");
        assertThat(text(letter.getOriginalKey())).isEqualTo("entity-1");
        assertThat(Topics.TRANSACTIONS.codec().decode(bytes(letter.getOriginalValue())))
                .isEqualTo(t);
        assertThat(letter.getReason())
                .contains("event time " + T0, "watermark " + T0.plusSeconds(6), "by PT6S")
                .contains("entity-1", "tx-1")
                .doesNotContain("merchant-secret");
    }

    @Test
    void oversizedLatePresentedSignatureIsCutAndTheReasonSaysSo() {
        byte[] image = new byte[MAX_VALUE_BYTES * 2];
        SignatureImage signature =
                presented("entity-1", "tx-1", T0).setImageBytes(ByteBuffer.wrap(image)).build();

        DeadLetter letter =
                toDeadLetter.map(new LateRecord(EntityEvents.of(signature), T0.toEpochMilli()));

        assertThat(letter.getSourceTopic()).isEqualTo(Topics.SIGNATURES_NAME);
        assertThat(letter.getErrorClass()).isEqualTo("LATE_PRESENTED_SIGNATURE");
        assertThat(letter.getOriginalValue().remaining()).isEqualTo(MAX_VALUE_BYTES);
        assertThat(letter.getReason()).contains("cut to its first " + MAX_VALUE_BYTES);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private static String text(ByteBuffer buffer) {
        return new String(bytes(buffer), StandardCharsets.UTF_8);
    }
}
