// zh-CN first: the Chinese text is the key and the default; English is a translation table. A missing English
// entry shows the Chinese, never a key.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './i18n-en';

export type Lang = 'zh-CN' | 'en';
const LANG_KEY = 'ped.lang';

export function initialLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  lng: initialLang(),
  fallbackLng: false,
  resources: { en: { translation: en }, 'zh-CN': { translation: {} } },
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

export function setLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  void i18n.changeLanguage(lang);
}

export default i18n;
