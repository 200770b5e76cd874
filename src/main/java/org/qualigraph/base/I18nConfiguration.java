package org.qualigraph.base;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The languages of the UI ({@link UiLanguages}), English first. {@code translations.properties} is the English bundle;
 * a language file ({@code translations_de.properties}) completes it, and a key it lacks, or a language without a file,
 * falls back to English, never to the server's default locale (which is what {@link ResourceBundle} would otherwise do,
 * so a Polish user on a German server would see German).
 */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

    static final String BUNDLE = "vaadin-i18n.translations";

    @Bean
    I18NProvider i18nProvider() {
        return new BundleProvider();
    }

    static final class BundleProvider implements I18NProvider {

        private static final ResourceBundle.Control NO_SERVER_LOCALE =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

        @Override
        public List<Locale> getProvidedLocales() {
            return UiLanguages.LOCALES;
        }

        @Override
        public String getTranslation(String key, Locale locale, Object... params) {
            if (key == null) {
                return "";
            }
            Locale language = locale == null ? Locale.ENGLISH : locale;
            String value;
            try {
                value = ResourceBundle.getBundle(BUNDLE, language, I18nConfiguration.class.getClassLoader(),
                        NO_SERVER_LOCALE).getString(key);
            } catch (MissingResourceException e) {
                return "!" + language.getLanguage() + ": " + key;
            }
            return params.length == 0 ? value : new MessageFormat(Plural.expand(value, language, params), language).format(params);
        }
    }
}
