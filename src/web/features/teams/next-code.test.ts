import { describe, expect, it } from "vitest";
import { nextProfessionalCode } from "./next-code.ts";

describe("the example of the professional-code hint: free, in the site's pattern", () => {
  it.each<[string, string | undefined, string[], string]>([
    ["after the highest of the site", "LECCO", ["LECCO-P01", "LECCO-P12", "LECCO-P03"], "LECCO-P13"],
    ["as wide as the site's numbers", "LECCO", ["LECCO-P008", "LECCO-P009"], "LECCO-P010"],
    ["the site's most used pattern", "LECCO", ["PSY-1", "LECCO-P01", "LECCO-P02"], "LECCO-P03"],
    ["a site without professionals", "COMO", [], "COMO-P01"],
    ["codes without a number: the site's pattern", "COMO", ["ROSSI", "BIANCHI"], "COMO-P01"],
    ["no site code known yet", undefined, [], "P01"],
    ["past 99", "LECCO", ["LECCO-P99"], "LECCO-P100"],
  ])("%s", (_name, site, codes, expected) => {
    const code = nextProfessionalCode(site, codes);
    expect(code).toBe(expected);
    expect(codes).not.toContain(code);
  });
});
