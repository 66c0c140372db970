/** The protocol learning system's vocabulary, shared by the server and the web app. */
export const PROTOCOL_LANGUAGES = ["en", "it"] as const;
export type ProtocolLanguage = (typeof PROTOCOL_LANGUAGES)[number];

/** A site's self-assessment level on a dimension: 0 not started, 1 planning, 2 in practice, 3 embedded. */
export const SELF_ASSESSMENT_LEVELS = [0, 1, 2, 3] as const;

/** The text-search configuration of each language (both exist on PostgreSQL 15 and PGlite). */
export const TEXT_SEARCH_CONFIG = { en: "english", it: "italian" } as const;
