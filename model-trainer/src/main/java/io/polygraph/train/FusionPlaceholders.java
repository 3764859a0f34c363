package io.polygraph.train;

import io.polygraph.features.SignatureFeatures;
import io.polygraph.fusion.FusionEncoding;
import io.polygraph.fusion.FusionNetwork;
import io.polygraph.fusion.FusionShape;
import io.polygraph.fusion.Modality;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The placeholders of one DMAFN batch, named as {@link FusionNetwork} and {@link
 * io.polygraph.fusion.FusionInputs} name them; shared by the training and the inference graph.
 */
record FusionPlaceholders(
        SDVariable profile,
        SDVariable transaction,
        SDVariable history,
        SDVariable historyMask,
        SDVariable enrolment,
        SDVariable presented,
        SDVariable enrolmentRows,
        SDVariable presentedRows,
        SDVariable enrolmentSmall,
        SDVariable presentedSmall,
        SDVariable modalityMask) {

    static FusionPlaceholders declare(SameDiff sd, FusionShape shape) {
        return new FusionPlaceholders(
                sd.placeHolder(FusionNetwork.PROFILE, DataType.FLOAT, -1, shape.profile()),
                sd.placeHolder(FusionNetwork.TRANSACTION, DataType.FLOAT, -1, shape.transaction()),
                sd.placeHolder(FusionNetwork.HISTORY, DataType.FLOAT, -1, shape.history()),
                sd.placeHolder(
                        FusionNetwork.HISTORY_MASK, DataType.FLOAT, -1, shape.historySteps()),
                sd.placeHolder(
                        FusionNetwork.ENROLMENT,
                        DataType.FLOAT,
                        -1,
                        1,
                        SignatureFeatures.HEIGHT,
                        SignatureFeatures.WIDTH),
                sd.placeHolder(
                        FusionNetwork.PRESENTED,
                        DataType.FLOAT,
                        -1,
                        1,
                        SignatureFeatures.HEIGHT,
                        SignatureFeatures.WIDTH),
                sd.placeHolder(FusionNetwork.ENROLMENT_ROWS, DataType.FLOAT, -1, -1),
                sd.placeHolder(FusionNetwork.PRESENTED_ROWS, DataType.FLOAT, -1, -1),
                sd.placeHolder(
                        FusionNetwork.ENROLMENT_SMALL,
                        DataType.FLOAT,
                        -1,
                        FusionEncoding.SMALL_SIGNATURE),
                sd.placeHolder(
                        FusionNetwork.PRESENTED_SMALL,
                        DataType.FLOAT,
                        -1,
                        FusionEncoding.SMALL_SIGNATURE),
                sd.placeHolder(FusionNetwork.MODALITY_MASK, DataType.FLOAT, -1, Modality.count()));
    }

    /** Column {@code modality} of the modality mask, [batch, 1]. */
    SDVariable visible(Modality modality) {
        return GraphColumns.column(modalityMask, modality.ordinal(), Modality.count());
    }
}
