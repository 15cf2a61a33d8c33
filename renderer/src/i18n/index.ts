import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { ja } from './ja.js';

export type Language = 'ja' | 'en';

/** Japanese when the OS locale is Japanese, English otherwise — unless the user chose. */
export function pickLanguage(chosen: Language | null, osLocale: string): Language {
  return chosen ?? (osLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en');
}

export async function initI18n(language: Language): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    showSupportNotice: false, // it logs a promotional line to the console
  });
  document.documentElement.lang = language;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18n };
