package io.polygraph.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link UtcHours} against {@code java.time}'s own UTC calendar. */
class UtcHoursTest {

    @Test
    void givesTheHourAndMinuteThatTheUtcCalendarGives() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) {
            // 1900 to 2100, so instants before the epoch too, and any milliseconds.
            Instant instant =
                    Instant.ofEpochMilli(random.nextLong(-2_208_988_800_000L, 4_102_444_800_000L));
            assertAgreesWithTheCalendar(instant);
        }
    }

    @Test
    void dayAndHourBoundariesOnBothSidesOfTheEpoch() {
        for (long second :
                new long[] {0, -1, 1, 86_399, 86_400, -86_400, -86_401, 3_599, 3_600, -3_600}) {
            assertAgreesWithTheCalendar(Instant.ofEpochSecond(second));
            assertAgreesWithTheCalendar(Instant.ofEpochSecond(second, 999_999_999));
        }
    }

    private static void assertAgreesWithTheCalendar(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        assertThat(UtcHours.hour(instant)).as("%s", instant).isEqualTo(utc.getHour());
        assertThat(UtcHours.hoursIntoDay(instant))
                .as("%s", instant)
                .isEqualTo(utc.getHour() + utc.getMinute() / 60.0);
    }
}
