/**
 * The names `POST /api/programmes/:id/parameter-impact` gives the fact parameters that change
 * (src/server/programmes/parameter-impact.ts), and the message that names each in the form's
 * words. An unknown name (a newer server) is shown as it is.
 */
const CHANGE_KEYS = {
  earlyWindowDays: "parameters.earlyWindowDays",
  intensiveThreshold: "parameters.intensiveThreshold",
  newToServiceDays: "parameters.newToServiceDays",
  "ageBand.min": "parameters.ageMin",
  "ageBand.max": "parameters.ageMax",
  targetDiagnoses: "parameters.targetDiagnoses",
  psychosocialTypes: "programmes.impact.psychosocialTypes",
  all: "programmes.impact.all",
} as const;

export type ChangeKey = (typeof CHANGE_KEYS)[keyof typeof CHANGE_KEYS];

export function changeKey(name: string): ChangeKey | null {
  return Object.hasOwn(CHANGE_KEYS, name) ? CHANGE_KEYS[name as keyof typeof CHANGE_KEYS] : null;
}
