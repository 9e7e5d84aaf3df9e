import type { Language } from '../types.js';
import { en } from './en.js';
import { fr } from './fr.js';
import type { Texts } from './texts.js';

export type { Texts } from './texts.js';

/** The texts of a language. */
export function textsFor(language: Language): Texts {
  return language === 'fr' ? fr : en;
}
