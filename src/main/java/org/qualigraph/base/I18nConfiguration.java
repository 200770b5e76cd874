package org.qualigraph.base;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The languages of the UI, English first. Vaadin's own provider lists the locales in the order it finds the bundle
 * files and falls back to the first one for a browser language it does not offer, so a French browser could land in
 * German; naming them here keeps English the fallback. {@code translations.properties} is the English bundle; a
 * language file ({@code translations_de.properties}) may be partial, missing keys fall back to English.
 */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    @Bean
    DefaultI18NProvider i18nProvider() {
        return new DefaultI18NProvider(LANGUAGES, I18nConfiguration.class.getClassLoader());
    }
}
