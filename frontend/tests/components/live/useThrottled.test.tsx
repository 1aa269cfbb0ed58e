import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useThrottled } from "../../../src/components/live/useThrottled";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("a throttled value", () => {
  it("passes the first change at once and merges a burst into one change per interval", () => {
    const { result, rerender } = renderHook(({ value }) => useThrottled(value, 2000), { initialProps: { value: 1 } });

    rerender({ value: 2 });
    expect(result.current).toBe(2);

    rerender({ value: 3 });
    rerender({ value: 4 });
    expect(result.current).toBe(2); // within the interval: held back

    act(() => vi.advanceTimersByTime(1999));
    expect(result.current).toBe(2);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(4); // the burst's last value, once
  });

  it("passes a change at once after a quiet interval", () => {
    const { result, rerender } = renderHook(({ value }) => useThrottled(value, 2000), { initialProps: { value: "a" } });
    rerender({ value: "b" });
    act(() => vi.advanceTimersByTime(5000));

    rerender({ value: "c" });
    expect(result.current).toBe("c");
  });
});
