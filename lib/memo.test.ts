import { describe, expect, it } from "vitest";
import { boundedMemo } from "./memo";

describe("boundedMemo", () => {
  it("computes once per key and stays within its bound", () => {
    const memo = boundedMemo<number>(2);
    let calls = 0;
    const make = (n: number) => () => {
      calls++;
      return n * 10;
    };
    expect(memo("a", make(1))).toBe(10);
    expect(memo("a", make(99))).toBe(10);
    expect(calls).toBe(1);
    memo("b", make(2));
    memo("c", make(3)); // bound reached: the map is cleared, then c is stored
    expect(memo("a", make(4))).toBe(40);
    expect(calls).toBe(4);
  });
});
