package io.polygraph.job.model;

import io.polygraph.job.decode.RecordValidator;
import io.polygraph.job.decode.ValidationContext;
import io.polygraph.job.decode.ValidationRule;
import io.polygraph.job.decode.Violation;
import io.polygraph.schema.ModelAnnouncement;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of the model-updates topic: a location, a version and a SHA-256 in hex. Whether the
 * file behind them is a model that may score is the {@link AnnouncedSnapshotLoader}'s business;
 * this only dead-letters announcements that cannot even be tried.
 */
public final class AnnouncementValidator implements RecordValidator<ModelAnnouncement> {
    private static final long serialVersionUID = 1L;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    @Override
    public Optional<Violation> validate(ModelAnnouncement announcement, ValidationContext context) {
        if (announcement.getLocation().isBlank()) {
            return invalid("location is blank");
        }
        if (announcement.getVersion().isBlank()) {
            return invalid("version is blank");
        }
        if (!SHA256_HEX.matcher(announcement.getSha256()).matches()) {
            return invalid("sha256 is not 64 hexadecimal digits");
        }
        return Optional.empty();
    }

    private static Optional<Violation> invalid(String reason) {
        return Optional.of(new Violation(ValidationRule.ANNOUNCEMENT_INVALID, reason));
    }
}
