import { describe, expect, it } from "vitest";
import { ApiError } from "../../app/api.ts";
import type { Programme } from "../../app/types.ts";
import { en } from "../../i18n/en.ts";
import {
  formToCreateBody,
  formToUpdateBody,
  type IndicatorChoice,
  programmeToForm,
  toFormIssues,
} from "./form-values.ts";
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
  targets: [
    { indicatorId: "case_manager", siteId: null, value: 0.07, direction: "higher_is_better" },
    { indicatorId: "interventions", siteId: 12, value: 40, direction: "lower_is_better" },
  ],
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

describe("targets in the form", () => {
  const indicators: IndicatorChoice[] = [
    {
      id: "case_manager",
      label: "Case manager",
      kind: "ratio",
      direction: "higher_is_better",
      builtIn: true,
    },
    {
      id: "interventions",
      label: "Interventions",
      kind: "count",
      direction: "higher_is_better",
      builtIn: true,
    },
  ];

  it("shows a ratio as the percentage typed and sends it back as the fraction the API counts", () => {
    const form = programmeToForm(programme, indicators);
    expect(form.targets.map((t) => [t.indicatorId, t.siteId, t.value, t.direction])).toEqual([
      ["case_manager", "", 7, "higher_is_better"],
      ["interventions", "12", 40, "lower_is_better"],
    ]);
    expect(formToUpdateBody(form, programme, indicators).targets).toEqual(programme.targets);
    const typed = { ...form, targets: [{ ...form.targets[0]!, value: 80 }] };
    expect(formToCreateBody(typed, indicators).targets).toEqual([
      { indicatorId: "case_manager", siteId: null, value: 0.8, direction: "higher_is_better" },
    ]);
  });

  it("sends an empty value as null for the server to name, and puts its issues on the row's fields", () => {
    const form = programmeToForm(programme, indicators);
    const empty = { ...form, targets: [form.targets[0]!, { ...form.targets[1]!, value: "" }] };
    expect(formToUpdateBody(empty, programme, indicators).targets?.[1]?.value).toBeNull();
    const err = new ApiError(400, "validation", "", [
      { field: "body.targets.1.value", rule: "required", message: "is required" },
    ]);
    const moved = toFormIssues(err, empty) as ApiError;
    expect(moved.issues[0]!.field).toBe(`body.targets.${empty.targets[1]!.key}.value`);
  });
});
