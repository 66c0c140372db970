import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { INSTRUMENT_TEXTS_IT } from "./instrument-texts.it.ts";

/**
 * A text of the instrument library (a band, a flag, a sub-scale, a note; the server sends them
 * in English) in the user's language. A text the phrasebook lacks stays as sent (a service's
 * own wording, loaded in its language, is never in it).
 */
export function useInstrumentText(): (text: string) => string {
  const { i18n } = useTranslation();
  const italian = i18n.language.startsWith("it");
  return useCallback((text: string) => (italian ? (INSTRUMENT_TEXTS_IT[text] ?? text) : text), [italian]);
}
