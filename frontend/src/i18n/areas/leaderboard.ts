/** Messages of the leaderboard, search diagnostics and comparison; Every key of the English object also in the Korean one (the type enforces it), Korean with the same keys and placeholders. */

export const leaderboardEn = {
} as const;

export const leaderboardKo: Record<keyof typeof leaderboardEn, string> = {
};
