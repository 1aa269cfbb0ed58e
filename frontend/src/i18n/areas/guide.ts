/** Messages of the guided first steps: home, example data, stepper, presets, theme; Every key of the English object also in the Korean one (the type enforces it), Korean with the same keys and placeholders. */

export const guideEn = {
} as const;

export const guideKo: Record<keyof typeof guideEn, string> = {
};
