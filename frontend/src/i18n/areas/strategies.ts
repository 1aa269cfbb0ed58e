/** Messages of the search strategies: searcher choice, hand-written configurations, strategy comparison; Every key of the English object also in the Korean one (the type enforces it), Korean with the same keys and placeholders. */

export const strategiesEn = {
} as const;

export const strategiesKo: Record<keyof typeof strategiesEn, string> = {
};
