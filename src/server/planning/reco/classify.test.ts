import { describe, expect, it } from "vitest";
import { classifyReco, type RecoAnswers, type RecoModel } from "./classify.ts";

const base = { lead: "no", link_workers: "no", training: "no", specialist_team: "no", network: "no" };

const CASES: Array<[string, RecoAnswers, RecoModel]> = [
  ["a lead with link workers", { ...base, lead: "yes", link_workers: "yes" }, "lead_and_link"],
  ["a lead with a training programme", { ...base, lead: "yes", training: "yes" }, "lead_and_link"],
  [
    "a lead with link workers wins over a consulting team and a network",
    {
      ...base,
      lead: "yes",
      link_workers: "yes",
      specialist_team: "yes",
      specialist_caseload: "no",
      network: "yes",
    },
    "lead_and_link",
  ],
  [
    "a specialist team without its own caseload",
    { ...base, specialist_team: "yes", specialist_caseload: "no" },
    "consultancy",
  ],
  [
    "a consulting team wins over a network",
    { ...base, specialist_team: "yes", specialist_caseload: "no", network: "yes" },
    "consultancy",
  ],
  [
    "a lead alone with a consulting team",
    { ...base, lead: "yes", specialist_team: "yes", specialist_caseload: "no" },
    "consultancy",
  ],
  [
    "a specialist team that treats its own patients, in a network",
    { ...base, specialist_team: "yes", specialist_caseload: "yes", network: "yes" },
    "network",
  ],
  ["a network of services", { ...base, network: "yes" }, "network"],
  ["champions without a lead", { ...base, link_workers: "yes" }, "network"],
  ["nothing at all", base, "none"],
  ["a lead alone", { ...base, lead: "yes" }, "none"],
  [
    "a specialist team that only treats its own patients",
    { ...base, specialist_team: "yes", specialist_caseload: "yes" },
    "none",
  ],
  ["no answer about the lead", { ...base, lead: undefined }, "incomplete"],
  ["no answer about the network", { ...base, network: null }, "incomplete"],
  ["a lead, link workers unanswered", { ...base, lead: "yes", link_workers: undefined }, "incomplete"],
  ["a specialist team, caseload unanswered", { ...base, specialist_team: "yes" }, "incomplete"],
  ["no answers", {}, "incomplete"],
];

describe("RECO classification", () => {
  it.each(CASES)("%s", (_name, answers, model) => {
    expect(classifyReco(answers)).toBe(model);
  });
});
