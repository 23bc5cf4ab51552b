package io.moldtank.domain.scraper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Optional;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week), read in UTC: each field is
 * {@code *}, a number, a range {@code a-b}, a step ({@code a-b/s}, or a star with /s for every s), or a comma list of these;
 * day-of-week 0 or 7 is Sunday. As in classic cron, when both day fields are restricted a day matching
 * either runs. Default of the scraper: {@code 0 6 * * *}, 06:00 UTC every day.
 */
public record CronSchedule(String expression, BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays,
                           boolean anyDay, boolean anyWeekday) {

    public static CronSchedule parse(String expression) {
        String[] f = expression == null ? new String[0] : expression.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day month weekday): "
                    + expression);
        }
        BitSet weekdays = field(f[4], 0, 7, "weekday");
        if (weekdays.get(7)) {
            weekdays.set(0);
        }
        return new CronSchedule(expression.trim(), field(f[0], 0, 59, "minute"), field(f[1], 0, 23, "hour"),
                field(f[2], 1, 31, "day"), field(f[3], 1, 12, "month"), weekdays, f[2].equals("*"), f[4].equals("*"));
    }

    /** The latest scheduled minute at or before {@code t}, within a year; empty if none (e.g. Feb 30). */
    public Optional<Instant> latestAtOrBefore(Instant t) {
        LocalDateTime at = LocalDateTime.ofInstant(t, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        LocalDate day = at.toLocalDate();
        for (int d = 0; d <= 366; d++, day = day.minusDays(1)) {
            if (!dayMatches(day)) {
                continue;
            }
            int fromHour = d == 0 ? at.getHour() : 23;
            for (int h = fromHour; h >= 0; h--) {
                if (!hours.get(h)) {
                    continue;
                }
                int fromMinute = d == 0 && h == at.getHour() ? at.getMinute() : 59;
                int m = minutes.previousSetBit(fromMinute);
                if (m >= 0) {
                    return Optional.of(day.atTime(h, m).toInstant(ZoneOffset.UTC));
                }
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dom = days.get(day.getDayOfMonth());
        boolean dow = weekdays.get(day.getDayOfWeek().getValue() % 7);
        if (anyDay && anyWeekday) {
            return true;
        }
        if (anyDay) {
            return dow;
        }
        if (anyWeekday) {
            return dom;
        }
        return dom || dow;
    }

    private static BitSet field(String text, int min, int max, String name) {
        BitSet set = new BitSet(max + 1);
        for (String part : text.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, max, name);
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] ab = range.split("-", 2);
                lo = number(ab[0], min, max, name);
                hi = number(ab[1], min, max, name);
                if (lo > hi) {
                    throw new IllegalArgumentException(name + " range " + range + " runs backwards");
                }
            } else {
                lo = number(range, min, max, name);
                hi = slash >= 0 ? max : lo;
            }
            for (int v = lo; v <= hi; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String s, int min, int max, String name) {
        if (!s.matches("\\d{1,2}")) {
            throw new IllegalArgumentException(name + " must be a number " + min + ".." + max + ", not " + s);
        }
        int v = Integer.parseInt(s);
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", not " + v);
        }
        return v;
    }
}
