import type { FidelityScale } from "../scale.ts";
import { GOI } from "./goi.ts";
import { IMR_FIDELITY } from "./imr-fidelity.ts";
import { TREATMENT_INTEGRITY } from "./treatment-integrity.ts";

export const SCALES: readonly FidelityScale[] = [IMR_FIDELITY, GOI, TREATMENT_INTEGRITY];
const BY_CODE = new Map(SCALES.map((s) => [s.code, s]));
export const findScale = (code: string) => BY_CODE.get(code);
