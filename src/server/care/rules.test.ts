import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../infra/time/civil-date.ts";
import { carePlanIssues, notBeforePlan, withdrawalIssues } from "./rules.ts";

const day = fc.integer({ min: -2000, max: 2000 }).map((n) => addDays("2026-06-01", n));

describe("care rules", () => {
  it("a withdrawal is refused exactly when it is in the future or before the consent", () => {
    fc.assert(
      fc.property(day, day, day, (withdrawn, given, today) => {
        const rules = withdrawalIssues(withdrawn, given, today).map((i) => i.rule);
        if (withdrawn > today) expect(rules).toEqual(["future"]);
        else if (withdrawn < given) expect(rules).toEqual(["before_consent"]);
        else expect(rules).toEqual([]);
      }),
    );
  });

  it("a plan's dates are refused exactly when before the plan's date", () => {
    fc.assert(
      fc.property(fc.option(day, { nil: null }), day, (date, plan) => {
        const bad = date !== null && date < plan;
        expect(notBeforePlan("body.reviewDate", date, plan).length).toBe(bad ? 1 : 0);
      }),
    );
  });

  it("every action must point at a goal of the plan", () => {
    fc.assert(
      fc.property(fc.nat(5), fc.array(fc.nat(8), { maxLength: 10 }), (goals, refs) => {
        const issues = carePlanIssues(
          {
            goals: Array.from({ length: goals }, () => ({ text: "g" })),
            actions: refs.map((goal) => ({ goal, dueDate: null })),
            reviewDate: null,
          },
          "2026-01-01",
        );
        expect(issues.map((i) => i.field)).toEqual(
          refs.flatMap((g, i) => (g >= goals ? [`body.actions.${i}.goal`] : [])),
        );
        expect(issues.every((i) => i.rule === "unknown_goal")).toBe(true);
      }),
    );
  });
});
