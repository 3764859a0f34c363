package io.polygraph.world;

/**
 * Coarse age groups: spending habits differ far more between them than within them.
 *
 * <p>Three groups keep the behaviour tables small enough to read; finer groups would add tables
 * without adding a signal a detector could use.
 */
enum AgeGroup {
    /** Under 30. */
    YOUNG,
    /** 30 to 64. */
    ADULT,
    /** 65 and over. */
    SENIOR;

    static AgeGroup ofAge(int age) {
        if (age < 30) {
            return YOUNG;
        }
        return age < 65 ? ADULT : SENIOR;
    }
}
