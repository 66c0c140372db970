import { Issues } from "../issues.ts";
import type { DefinitionContent, ResponseContent } from "./schemas.ts";

/**
 * Check a site's response against the definition version its round asks: known questions, each
 * answered once, values that suit the question (an option of a single choice, options of a
 * multiple choice, a number within bounds, a text); when submitted, every required question answered.
 */
export function checkResponse(definition: DefinitionContent, content: ResponseContent): void {
  const issues = new Issues();
  const questions = new Map(definition.questions.map((q) => [q.code, q]));
  const answered = new Set<string>();
  content.answers.forEach((a, i) => {
    const field = `body.answers.${i}`;
    const q = questions.get(a.question);
    if (!q) {
      issues.add(
        `${field}.question`,
        "reference",
        `"${a.question}" is not a question of this round's questionnaire`,
      );
      return;
    }
    if (answered.has(a.question))
      issues.add(`${field}.question`, "unique", `"${a.question}" is answered twice`);
    answered.add(a.question);
    const v = a.value;
    if (v === null) return;
    const options = new Set(q.options.map((o) => o.code));
    if (q.type === "single_choice") {
      if (typeof v !== "string" || !options.has(v))
        issues.add(`${field}.value`, "option", `choose one of: ${[...options].join(", ")}`, {
          values: [...options],
        });
    } else if (q.type === "multi_choice") {
      if (!Array.isArray(v)) issues.add(`${field}.value`, "option", "send a list of option codes");
      else
        v.forEach((o, j) => {
          if (!options.has(o))
            issues.add(`${field}.value.${j}`, "option", `"${o}" is not an option of "${q.code}"`);
          else if (v.indexOf(o) !== j) issues.add(`${field}.value.${j}`, "unique", `"${o}" is chosen twice`);
        });
    } else if (q.type === "number") {
      if (typeof v !== "number") issues.add(`${field}.value`, "type", "a number", { expected: "number" });
      else if ((q.min !== null && v < q.min) || (q.max !== null && v > q.max))
        issues.add(`${field}.value`, "range", `a number from ${q.min ?? "-∞"} to ${q.max ?? "∞"}`, {
          ...(q.min !== null ? { min: q.min } : {}),
          ...(q.max !== null ? { max: q.max } : {}),
        });
    } else if (typeof v !== "string") issues.add(`${field}.value`, "type", "a text", { expected: "string" });
  });
  if (content.submitted) {
    const given = new Set(
      content.answers.filter((a) => a.value !== null && a.value !== "").map((a) => a.question),
    );
    for (const q of definition.questions)
      if (q.required && !given.has(q.code))
        issues.add(
          "body.answers",
          "unanswered",
          `"${q.text}" (${q.code}) must be answered before submitting`,
          {
            question: q.code,
          },
        );
  }
  issues.throwIfAny();
}
