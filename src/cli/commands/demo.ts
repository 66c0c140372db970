import { seedDemoArtefacts } from "../../server/demo/artefacts/index.ts";
import { asOfProblem, demoToday } from "../../server/demo/as-of.ts";
import {
  checkOptions,
  DEFAULT_INTERVENTIONS_PER_PATIENT,
  DEFAULT_PATIENTS,
  DEFAULT_SEED,
  generateDemoRegistry,
} from "../../server/demo/registry/index.ts";
import { isEmpty, seedDemoRegion } from "../../server/demo/seed-region.ts";
import { SYSTEM } from "../../server/infra/audit/audit.ts";
import { CliError, type Command, configFrom, DB_HELP, DB_OPTIONS, parse, withDatabase } from "../common.ts";

export const demo: Command = {
  name: "demo",
  summary: "create the demo region in an empty database",
  usage: `praxis demo [options]

Creates the demo region: 18 sites in 6 areas, a BPD and an IMR programme, implementation teams
and one user per role (password printed at the end), then a deterministic care-delivery registry
like the Lombardy pilot's: patients, enrolments, interventions, groups, assessments and plans.
Then what the teams produced along the way: the planning toolkit filled in for the region and
most sites (situation analysis, SWOT, Theory of Change, action plans with overdue activities,
roadmaps), progress-questionnaire rounds (the current one open, some sites not yet answered),
fidelity reviews by two raters, training courses with attendance, supervision, and a few
patients per site who were offered a programme and declined it (uptake).
Its dates cover the three years up to yesterday: the programmes started three years ago and
data run to the day before the demo is made. The database must be empty.

  --patients N           BPD patients to generate (default ${DEFAULT_PATIENTS}; IMR adds about one in ten);
                         200000 makes a region-scale data set (~16 million interventions)
  --interventions-per-patient N
                         about N interventions per patient of --patients (default ${DEFAULT_INTERVENTIONS_PER_PATIENT}, the
                         pilot's intensity); 2000000 patients at 25 make the nation benchmark (~50 million)
  --seed S               seed of the generator (default ${DEFAULT_SEED}): the same seed and day give the same data
  --as-of YYYY-MM-DD     the day the demo is made (default today in the region: PRAXIS_TIME_ZONE)
${DB_HELP}`,
  async run(args) {
    const { values } = parse(args, {
      ...DB_OPTIONS,
      patients: { type: "string" },
      seed: { type: "string" },
      "interventions-per-patient": { type: "string" },
      "as-of": { type: "string" },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const whole = (name: string, text: string | undefined, fallback: number) => {
      if (text === undefined) return fallback;
      if (!/^\d+$/.test(text)) throw new CliError(`--${name} must be a whole number`, 2);
      return Number(text);
    };
    const patients = whole("patients", values.patients, DEFAULT_PATIENTS);
    const seed = whole("seed", values.seed, DEFAULT_SEED);
    const perPatient = whole(
      "interventions-per-patient",
      values["interventions-per-patient"],
      DEFAULT_INTERVENTIONS_PER_PATIENT,
    );
    const asOf = values["as-of"] ?? demoToday();
    const dateProblem = asOfProblem(asOf);
    if (dateProblem) throw new CliError(dateProblem, 2);
    try {
      checkOptions(patients, seed, perPatient);
    } catch (err) {
      throw new CliError((err as Error).message, 2);
    }
    const config = configFrom(values);
    return withDatabase(config, async ({ db, kind }) => {
      if (!(await isEmpty(db)))
        throw new CliError("the database already holds data; run demo on an empty database");
      const out = await seedDemoRegion(db, SYSTEM, asOf);
      let shown = 0;
      const registry = await generateDemoRegistry(db, {
        patients,
        seed,
        asOf,
        interventionsPerPatient: perPatient,
        copyUrl: kind === "postgresql" ? config.databaseUrl : undefined,
        onProgress: (done, total) => {
          const pct = Math.floor((100 * done) / Math.max(total, 1));
          if (total >= 20_000 && pct >= shown + 10) {
            shown = pct - (pct % 10);
            console.error(`registry: ${shown}% of ${total} patients`);
          }
        },
      });
      const artefacts = await seedDemoArtefacts(db, { seed, asOf });
      console.log(
        `demo registry (seed ${registry.seed}, as of ${asOf}): ${registry.patients} patients, ${registry.interventions} interventions, ${registry.groups} groups, ${registry.assessments} assessments, ${registry.plans} treatment plans, data to ${registry.cutoff} (${(registry.ms / 1000).toFixed(1)} s)`,
      );
      console.log(
        `demo artefacts: ${artefacts.planningVersions} planning versions, ${artefacts.rounds} questionnaire rounds (${artefacts.responses} responses), ${artefacts.reviews} fidelity reviews, ${artefacts.courses} courses (${artefacts.attendance} attendances), ${artefacts.supervision} supervision sessions, ${artefacts.declinedOffers} patients who declined an offer (${(artefacts.ms / 1000).toFixed(1)} s)`,
      );
      console.log(`demo region created; log in as ${out.users.join(", ")} with password ${out.password}`);
      return 0;
    });
  },
};
