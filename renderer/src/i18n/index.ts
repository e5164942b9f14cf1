/** UI translations: i18next + react-i18next over the shared resource files (Bahasa Indonesia by default). */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../../shared/i18n';

void i18next.use(initReactI18next).init({
  resources, lng: 'id', fallbackLng: 'id', interpolation: { escapeValue: false }, initAsync: false,
} as Parameters<typeof i18next.init>[0]);

export function setUiLanguage(lang: 'id' | 'en'): void {
  if (i18next.language !== lang) void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export default i18next;
