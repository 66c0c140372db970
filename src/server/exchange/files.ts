import { assessments } from "./assessments.ts";
import { enrolments } from "./enrolments.ts";
import { groups } from "./groups.ts";
import { interventions } from "./interventions.ts";
import { patients } from "./patients.ts";
import { professionals } from "./professionals.ts";
import { sites } from "./sites.ts";
import type { FileName, FileRules } from "./spec.ts";
import { treatmentPlans } from "./treatment-plans.ts";

/**
 * The files of the format in dependency order: a file is read (and merged) after every file it
 * refers to, so references resolve as they are read and foreign keys hold as rows are written.
 */
export const FILES: readonly FileRules[] = [
  sites,
  patients,
  professionals,
  groups,
  enrolments,
  interventions,
  assessments,
  treatmentPlans,
];

export const FILE_NAMES: ReadonlySet<string> = new Set(FILES.map((f) => f.file));

export const isFormatFile = (name: string): name is FileName => FILE_NAMES.has(name);
