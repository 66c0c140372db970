import { describe, expect, it } from "vitest";
import type { Programme } from "../../app/types.ts";
import { en } from "../../i18n/en.ts";
import { formToUpdateBody, programmeToForm } from "./form-values.ts";
import { changeKey } from "./impact-changes.ts";

const programme: Programme = {
  id: 3,
  code: "BPD-X",
  name: "BPD pilot",
  regionId: 1,
  practice: { id: 2, code: "BPD", name: "BPD stepped care", version: 2 },
  parameters: {
    targetEnrolmentPerSite: 20,
    ageBand: { min: 18, max: 25 },
    targetDiagnoses: ["F60.3"],
    intensiveThreshold: 5,
    earlyWindowDays: 90,
    newToServiceDays: 365,
    breakdownAgeBands: [],
  },
  phases: [],
  sites: [],
  version: 7,
  canEdit: true,
} as Programme;

describe("formToUpdateBody", () => {
  const cases: Array<[string, string | null, number | undefined]> = [
    ["the practice version read is not sent", "2", undefined],
    ["another version is sent", "3", 3],
    ["an older one too", "1", 1],
    ["none chosen: not sent", null, undefined],
  ];
  it.each(cases)("%s", (_, chosen, sent) => {
    const body = formToUpdateBody({ ...programmeToForm(programme), practiceVersion: chosen }, programme);
    expect(body.practiceVersion).toBe(sent);
    expect("practiceVersion" in body).toBe(sent !== undefined);
    expect(body.baseVersion).toBe(7);
    expect(body.parameters?.earlyWindowDays).toBe(90);
  });
});

describe("changeKey: every change the impact endpoint names has words", () => {
  const lookup = (key: string) =>
    key.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], en);
  const cases: Array<[string, string | null]> = [
    ["earlyWindowDays", "Early window"],
    ["intensiveThreshold", "Intensive-care threshold"],
    ["newToServiceDays", "New-to-service window"],
    ["ageBand.min", "Age band: from"],
    ["ageBand.max", "Age band: to"],
    ["targetDiagnoses", "Target diagnoses"],
    ["psychosocialTypes", en.programmes.impact.psychosocialTypes],
    ["all", en.programmes.impact.all],
    ["somethingNew", null],
    ["toString", null],
  ];
  it.each(cases)("%s", (name, words) => {
    const key = changeKey(name);
    expect(key === null ? null : lookup(key)).toBe(words);
  });
});
