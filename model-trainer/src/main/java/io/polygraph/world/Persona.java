package io.polygraph.world;

import io.polygraph.schema.IncomeBand;
import io.polygraph.schema.Occupation;
import java.util.Objects;

/**
 * The profile traits that drive spending behaviour: age group, occupation and income.
 *
 * <p>A customer's normal transactions are drawn from their own persona; a behaviour anomaly is
 * drawn from a contrasting one, which is why the persona is a value apart from the profile.
 *
 * @param ageGroup the age group
 * @param occupation the occupation group
 * @param incomeBand the income band
 */
record Persona(AgeGroup ageGroup, Occupation occupation, IncomeBand incomeBand) {

    Persona {
        Objects.requireNonNull(ageGroup, "ageGroup");
        Objects.requireNonNull(occupation, "occupation");
        Objects.requireNonNull(incomeBand, "incomeBand");
    }

    /** Whether this persona spends modestly: low income, no income of their own, or old. */
    boolean modest() {
        return incomeBand.ordinal() <= IncomeBand.MIDDLE.ordinal()
                || ageGroup == AgeGroup.SENIOR
                || occupation == Occupation.RETIRED
                || occupation == Occupation.STUDENT
                || occupation == Occupation.UNEMPLOYED;
    }
}
