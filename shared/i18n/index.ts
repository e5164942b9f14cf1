/** Translation resources for both sides (UI strings and the sentences of API errors). Bahasa Indonesia first. */
import i18next, { type i18n, type TFunction } from 'i18next';
import id from './id.json';
import en from './en.json';

export const resources = { id: { translation: id }, en: { translation: en } } as const;
export const DEFAULT_LANGUAGE = 'id';

export function createI18n(lng: 'id' | 'en' = DEFAULT_LANGUAGE): i18n {
  const inst = i18next.createInstance();
  void inst.init({ resources, lng, fallbackLng: 'id', interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false } as Parameters<i18n['init']>[0]);
  return inst;
}

const translators = new Map<string, TFunction>();

/** A translate function for the backend (error sentences), cached per language. */
export function translator(lng: 'id' | 'en'): TFunction {
  let t = translators.get(lng);
  if (!t) { t = createI18n(lng).t; translators.set(lng, t); }
  return t;
}
