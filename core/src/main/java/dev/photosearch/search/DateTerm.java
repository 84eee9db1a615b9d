package dev.photosearch.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * One date said in a query ("july 2021", "last summer", "3 days ago"), and the days it names on a given day.
 * Seasons are those of the northern hemisphere, by whole months: spring March to May, summer June to August,
 * autumn September to November, winter December to February, named by the year of its January.
 */
sealed interface DateTerm {

    /** The days {@code [start, end)}. */
    record Days(LocalDate start, LocalDate end) {}

    /**
     * The days it names when today is {@code today}; a date without a year is the latest one that has begun by
     * {@code reference} (today, or the end of a range this date begins).
     */
    Days days(LocalDate today, LocalDate reference);

    /** Whether it lacks its year, which then comes from {@code reference}. */
    default boolean needsYear() {
        return false;
    }

    /** How "last" or "this" moves a month or a season said without its year. */
    enum Shift { NONE, LAST, THIS }

    /** A unit of "this week", "3 months ago"; weeks begin on Monday. */
    enum Unit {
        DAY(ChronoUnit.DAYS), WEEK(ChronoUnit.WEEKS), MONTH(ChronoUnit.MONTHS), YEAR(ChronoUnit.YEARS);

        private final ChronoUnit unit;

        Unit(ChronoUnit unit) {
            this.unit = unit;
        }

        /** The first day of the unit that holds {@code day}. */
        LocalDate start(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
                case YEAR -> day.withDayOfYear(1);
            };
        }

        LocalDate plus(LocalDate day, long count) {
            return day.plus(count, unit);
        }

    }

    /** A season, by the month it begins. */
    enum Season {
        SPRING(3), SUMMER(6), AUTUMN(9), WINTER(12);

        private final int firstMonth;

        Season(int firstMonth) {
            this.firstMonth = firstMonth;
        }

        /** The season of {@code year}; winter 2021 begins in December 2020. */
        Days of(int year) {
            LocalDate start = LocalDate.of(this == WINTER ? year - 1 : year, firstMonth, 1);
            return new Days(start, start.plusMonths(3));
        }

        /** The year that names the season holding {@code day}, or null when {@code day} is in another season. */
        Integer yearHolding(LocalDate day) {
            int year = day.getYear() + (this == WINTER && day.getMonthValue() == 12 ? 1 : 0);
            Days days = of(year);
            return !day.isBefore(days.start()) && day.isBefore(days.end()) ? year : null;
        }
    }

    /** A year: "2019". */
    record Year(int year) implements DateTerm {
        @Override
        public Days days(LocalDate today, LocalDate reference) {
            return new Days(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        }
    }

    /** Ten years from {@code first}: "the 90s". */
    record Decade(int first) implements DateTerm {
        @Override
        public Days days(LocalDate today, LocalDate reference) {
            return new Days(LocalDate.of(first, 1, 1), LocalDate.of(first + 10, 1, 1));
        }
    }

    /** A month, with its year or not: "july 2021", "in july", "last july" (the latest before this month). */
    record Month(int month, Integer year, Shift shift) implements DateTerm {
        @Override
        public Days days(LocalDate today, LocalDate reference) {
            YearMonth named;
            if (year != null) {
                named = YearMonth.of(year, month);
            } else if (shift == Shift.LAST) {
                named = YearMonth.of(today.getMonthValue() > month ? today.getYear() : today.getYear() - 1, month);
            } else {
                named = YearMonth.of(reference.getMonthValue() >= month ? reference.getYear()
                        : reference.getYear() - 1, month);
            }
            return new Days(named.atDay(1), named.plusMonths(1).atDay(1));
        }

        @Override
        public boolean needsYear() {
            return year == null && shift == Shift.NONE;
        }
    }

    /**
     * A day: "4 july 2021", "le 14 juillet" (the latest that has come), or, beginning a range, only the day of the
     * month ("du 3 au 10 juillet": the latest 3rd by the range's end).
     */
    record Day(int day, Integer month, Integer year) implements DateTerm {
        @Override
        public Days days(LocalDate today, LocalDate reference) {
            LocalDate date = year != null ? LocalDate.of(year, month, day)
                    : month != null ? latestOf(MonthDay.of(month, day), reference) : latestOf(day, reference);
            return new Days(date, date.plusDays(1));
        }

        @Override
        public boolean needsYear() {
            return year == null;
        }

        /** Whether such a day exists: 29 February only in a leap year, never 31 April. */
        static boolean exists(int day, Integer month, Integer year) {
            if (day < 1 || day > 31) {
                return false;
            }
            if (month == null) {
                return year == null;
            }
            return year == null ? java.time.Month.of(month).maxLength() >= day
                    : YearMonth.of(year, month).isValidDay(day);
        }

        private static LocalDate latestOf(MonthDay monthDay, LocalDate reference) {
            int year = reference.getYear();
            while (!monthDay.isValidYear(year) || monthDay.atYear(year).isAfter(reference)) {
                year--; // 29 February waits for a leap year: at most eight years back
            }
            return monthDay.atYear(year);
        }

        private static LocalDate latestOf(int day, LocalDate reference) {
            YearMonth month = YearMonth.from(reference);
            while (!month.isValidDay(day) || month.atDay(day).isAfter(reference)) {
                month = month.minusMonths(1);
            }
            return month.atDay(day);
        }
    }

    /**
     * A season, with its year or not: "summer 2023", "in summer" (the latest that has begun), "last summer" (the
     * latest that has ended), "this summer" (the one we are in, else the one of this year).
     */
    record SeasonOf(Season season, Integer year, Shift shift) implements DateTerm {
        @Override
        public Days days(LocalDate today, LocalDate reference) {
            if (year != null) {
                return season.of(year);
            }
            return switch (shift) {
                case LAST -> latest(today, true);
                case THIS -> {
                    Integer holding = season.yearHolding(today);
                    yield season.of(holding != null ? holding : today.getYear());
                }
                case NONE -> latest(reference, false);
            };
        }

        @Override
        public boolean needsYear() {
            return year == null && shift == Shift.NONE;
        }

        /** The latest season that has begun by {@code day}, or that has ended by it. */
        private Days latest(LocalDate day, boolean ended) {
            for (int year = day.getYear() + 1; ; year--) {
                Days days = season.of(year);
                if (!(ended ? days.end() : days.start()).isAfter(day)) {
                    return days;
                }
            }
        }
    }

    /**
     * A period counted from today: "today" (day 0), "last week" (week -1), "this year" (year 0), "3 days ago" (day
     * -3): the whole unit that holds the day that many units away.
     */
    record Relative(Unit unit, int offset) implements DateTerm {
        @Override
        public Days days(LocalDate today, LocalDate reference) {
            LocalDate start = unit.start(unit.plus(today, offset));
            return new Days(start, unit.plus(start, 1));
        }
    }
}
