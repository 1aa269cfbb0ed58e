/** Messages of the model exports, prediction snippets, reports and reproducibility; Every key of the English object also in the Korean one (the type enforces it), Korean with the same keys and placeholders. */

export const exportsEn = {
} as const;

export const exportsKo: Record<keyof typeof exportsEn, string> = {
};
