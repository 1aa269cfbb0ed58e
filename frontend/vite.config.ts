/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// The test files that replace a module with vi.mock (see test.projects below).
const MOCKING_FILES = readdirSync("tests", { recursive: true, encoding: "utf8" })
  .filter((name) => /\.test\.tsx?$/.test(name))
  .map((name) => join("tests", name))
  .filter((path) => readFileSync(path, "utf8").includes("vi.mock("));

// Django serves the built files from frontend/dist/ under /static/app/ and answers every
// non-API path with index.html, so asset URLs must carry that prefix.
export default defineConfig({
  base: "/static/app/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8000",
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["tests/setup.ts"],
    restoreMocks: true,
    unstubGlobals: true,
    // Starting a fresh jsdom for each file took most of the run, so the files share one per
    // worker. The files that replace a module with vi.mock (plotly) keep one of their own: a
    // replaced module would otherwise stay replaced, or stay real, for the files after them.
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["tests/**/*.test.{ts,tsx}"],
          exclude: MOCKING_FILES,
          isolate: false,
        },
      },
      // Only when there are such files: an empty include would fall back to every test file.
      ...(MOCKING_FILES.length
        ? [{ extends: true as const, test: { name: "isolated", include: MOCKING_FILES } }]
        : []),
    ],
  },
});
