package org.qualigraph.base;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Dates, times and numbers as the user's language writes them ("6. Dez. 2026", "6 déc. 2026"): never a bare numeric
 * date such as "12/6/2026", which a partner reads as 12 June. Every view formats through here with its own locale.
 */
public final class LocalFormats {

    private LocalFormats() {
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** Date and minutes in the server's time zone; {@code null} as empty. */
    public static String dateTime(ZonedDateTime time, Locale locale) {
        return time == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(time);
    }

    public static String dateTime(Instant time, ZoneId zone, Locale locale) {
        return time == null ? "" : dateTime(time.atZone(zone), locale);
    }

    /** A decimal number with at most {@code digits} fraction digits, e.g. "0,85" in German. */
    public static String number(double value, int digits, Locale locale) {
        var format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(digits);
        format.setMinimumFractionDigits(digits);
        return format.format(value);
    }

    /**
     * A date picker that shows and parses dates in the user's language: month and day names, the first day of the
     * week, and the written form of {@link #date}'s numeric sibling (e.g. "06.12.2026" in German, ISO in English).
     */
    public static void localise(DatePicker picker, Locale locale) {
        picker.setLocale(locale);
        var i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(Arrays.stream(java.time.Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList());
        i18n.setWeekdays(weekdays(locale, TextStyle.FULL));
        i18n.setWeekdaysShort(weekdays(locale, TextStyle.SHORT));
        i18n.setFirstDayOfWeek(WeekFields.of(locale.getCountry().isEmpty() ? Locale.forLanguageTag(locale.getLanguage()
                + "-" + region(locale)) : locale).getFirstDayOfWeek().getValue() % 7);
        i18n.setToday(picker.getTranslation("date.today"));
        i18n.setCancel(picker.getTranslation("date.cancel"));
        i18n.setDateFormats(pattern(locale), "yyyy-MM-dd");
        picker.setI18n(i18n);
    }

    /** The numeric date pattern a date picker shows: the form each language writes; ISO for English. */
    static String pattern(Locale locale) {
        return switch (locale.getLanguage()) {
            case "de", "pl" -> "dd.MM.yyyy";
            case "fr", "it", "es" -> "dd/MM/yyyy";
            default -> "yyyy-MM-dd";
        };
    }

    /** Sunday first, as the date picker expects. */
    private static List<String> weekdays(Locale locale, TextStyle style) {
        var days = new java.util.ArrayList<String>();
        days.add(DayOfWeek.SUNDAY.getDisplayName(style, locale));
        for (int d = 1; d <= 6; d++) {
            days.add(DayOfWeek.of(d).getDisplayName(style, locale));
        }
        return days;
    }

    private static String region(Locale locale) {
        return switch (locale.getLanguage()) {
            case "en" -> "IE";
            case "de" -> "DE";
            case "fr" -> "FR";
            case "pl" -> "PL";
            case "it" -> "IT";
            case "es" -> "ES";
            default -> "DE";
        };
    }
}
