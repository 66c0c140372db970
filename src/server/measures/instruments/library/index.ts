import type { InstrumentDefinition } from "../definition.ts";
import { ASSIST_LITE } from "./assist-lite.ts";
import { AUDIT } from "./audit.ts";
import { AUDIT_C } from "./audit-c.ts";
import { BSL23 } from "./bsl-23.ts";
import { CSSRS } from "./c-ssrs.ts";
import { CORE10 } from "./core-10.ts";
import { DASS21 } from "./dass-21.ts";
import { GAD7 } from "./gad-7.ts";
import { GHQ12 } from "./ghq-12.ts";
import { IMRS_CLIENT, IMRS_CLINICIAN } from "./imrs.ts";
import { K10 } from "./k10.ts";
import { PHQ9 } from "./phq-9.ts";
import { SCID5PD } from "./scid-5-pd.ts";
import { ZAN_BPD } from "./zan-bpd.ts";

/** Every instrument of the library, in the order of EXCHANGE-FORMAT.md's table. */
export const LIBRARY: readonly InstrumentDefinition[] = [
  PHQ9,
  GAD7,
  AUDIT,
  AUDIT_C,
  K10,
  CORE10,
  DASS21,
  ASSIST_LITE,
  GHQ12,
  ZAN_BPD,
  BSL23,
  IMRS_CLIENT,
  IMRS_CLINICIAN,
  SCID5PD,
  CSSRS,
];

const BY_CODE = new Map(LIBRARY.map((d) => [d.code, d]));

/** The instrument of a code (case-sensitive, as in the exchange format); undefined when unknown. */
export const findInstrument = (code: string): InstrumentDefinition | undefined => BY_CODE.get(code);
