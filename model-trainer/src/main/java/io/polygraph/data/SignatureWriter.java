package io.polygraph.data;

import java.util.List;
import java.util.Objects;

/**
 * One writer of the signature folder: their own signatures and the skilled forgeries other people
 * made of them, each list in file-name order.
 *
 * @param id the writer's folder name, such as {@code 001}
 * @param genuine the writer's own signatures, at least two
 * @param forged skilled forgeries of the writer's signature, possibly none
 */
public record SignatureWriter(
        String id, List<SignatureImage> genuine, List<SignatureImage> forged) {

    public SignatureWriter {
        Objects.requireNonNull(id, "id");
        genuine = List.copyOf(genuine);
        forged = List.copyOf(forged);
        if (genuine.size() < 2) {
            throw new IllegalArgumentException(
                    "writer "
                            + id
                            + " has "
                            + genuine.size()
                            + " genuine signatures, at least 2"
                            + " are needed");
        }
    }

    @Override
    public String toString() {
        return "writer " + id + " (" + genuine.size() + " genuine, " + forged.size() + " forged)";
    }
}
