package io.polygraph.combined;

import io.polygraph.detector.BatchScorer;
import io.polygraph.detector.CmadDetectorType;
import io.polygraph.detector.DetectorSnapshot;
import io.polygraph.detector.DetectorType;
import io.polygraph.detector.TransactionDetectorType;
import io.polygraph.fusion.DmafnDetectorType;
import java.util.List;

/**
 * The combined detector ({@link CombinedDetector}): a CMAD and a DMAFN member, each member's
 * networks stored under its name ({@code cmad-profile-transaction}, {@code cmad-signature}, {@code
 * dmafn-fusion}), {@link CombinedParameters} as parameters.
 */
public final class CombinedDetectorType extends TransactionDetectorType {

    /** The manifest's {@code detectorType}. */
    public static final String ID = "combined";

    /**
     * The members, in scoring order. Fixed, because a type names its networks before any snapshot
     * is read.
     */
    public static final List<MemberType> MEMBERS =
            List.of(
                    new MemberType("cmad", new CmadDetectorType()),
                    new MemberType("dmafn", new DmafnDetectorType()));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<String> networks() {
        return MEMBERS.stream()
                .flatMap(m -> m.type().networks().stream().map(m::networkName))
                .toList();
    }

    @Override
    public BatchScorer newScorer(DetectorSnapshot snapshot) {
        return CombinedDetector.fromSnapshot(snapshot);
    }

    /**
     * A member slot: its name and the detector type it must hold.
     *
     * @param name the member's name, the prefix of its networks
     * @param type the member's detector type
     */
    public record MemberType(String name, DetectorType type) {

        /** The name under which the member's network {@code network} is stored. */
        public String networkName(String network) {
            return name + "-" + network;
        }
    }
}
