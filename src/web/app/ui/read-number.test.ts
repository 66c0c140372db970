import { describe, expect, it } from "vitest";
import { type NumberReading, readNumber } from "./read-number.ts";

describe("reading a number field's text as typed", () => {
  it.each<[string, { integer?: boolean; decimals?: number }, NumberReading]>([
    ["", {}, { kind: "empty" }],
    ["   ", {}, { kind: "empty" }],
    ["1990", { integer: true }, { kind: "number", value: 1990 }],
    [" 42 ", {}, { kind: "number", value: 42 }],
    ["-5", {}, { kind: "number", value: -5 }],
    ["−5", {}, { kind: "number", value: -5 }],
    ["2.5", {}, { kind: "number", value: 2.5 }],
    ["2,5", {}, { kind: "number", value: 2.5 }],
    ["12.", {}, { kind: "number", value: 12 }],
    [".5", {}, { kind: "number", value: 0.5 }],
    ["2.0", { integer: true }, { kind: "number", value: 2 }],
    ["1.50", { decimals: 1 }, { kind: "number", value: 1.5 }],
    // letters are text, never a number guessed from part of them
    ["19ab", { integer: true }, { kind: "text" }],
    ["ab", {}, { kind: "text" }],
    ["1e3", {}, { kind: "text" }],
    ["-", {}, { kind: "text" }],
    ["1 000", {}, { kind: "text" }],
    ["0x10", {}, { kind: "text" }],
    ["Infinity", {}, { kind: "text" }],
    ["2.5", { integer: true }, { kind: "fraction" }],
    ["1.25", { decimals: 1 }, { kind: "decimals" }],
  ])("%j %j → %j", (text, rules, expected) => {
    expect(readNumber(text, rules)).toEqual(expected);
  });
});
