package org.qualigraph.base;

import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.Locale;

/**
 * The human label of any enum value shown in the UI, from the i18n bundle under {@code enum.<EnumName>.<CONSTANT>}
 * (e.g. {@code enum.QualificationStatus.CHANGES_REQUESTED=Changes requested}). Every view uses this instead of
 * {@code name()}, so stored codes such as {@code HE_SHORT_CYCLE} never reach a user. A constant without a bundle entry
 * is shown in words ("He short cycle") rather than as a code; {@code EnumLabelsTest} keeps that from happening.
 */
public final class EnumLabels {

    static final String PREFIX = "enum.";

    private EnumLabels() {
    }

    /** The bundle key of a constant. */
    public static String key(Enum<?> value) {
        return PREFIX + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }

    /** The label in the current UI's language; empty for null. */
    public static String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String key = key(value);
        String text;
        try {
            text = I18NProvider.translate(key);
        } catch (IllegalStateException noVaadin) {
            text = null; // outside a Vaadin request (plain tests, background threads)
        }
        return text == null || text.isBlank() || text.contains(key) ? words(value.name()) : text;
    }

    /** The label in the given language, outside a Vaadin request too (service messages, documents). */
    public static String of(Enum<?> value, Locale locale) {
        if (value == null) {
            return "";
        }
        String key = key(value);
        String text = Message.text(key, locale == null ? Locale.ENGLISH : locale);
        return text.isBlank() || text.equals(key) ? words(value.name()) : text;
    }

    /** For combo boxes, selects and grids: {@code select.setItemLabelGenerator(EnumLabels.generator())}. */
    public static <E extends Enum<E>> ItemLabelGenerator<E> generator() {
        return EnumLabels::of;
    }

    /** "CHANGES_REQUESTED" as "Changes requested". */
    public static String words(String constant) {
        String lower = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
