/** Messages of the model page: metrics, charts, feature importance, table toggles; Every key of the English object also in the Korean one (the type enforces it), Korean with the same keys and placeholders. */

export const resultsEn = {
} as const;

export const resultsKo: Record<keyof typeof resultsEn, string> = {
};
