import os from "node:os";
import { benchDemo } from "./demo.ts";
import { benchFhir } from "./fhir.ts";
import { benchImport } from "./import.ts";
import { benchIndicators } from "./indicators.ts";
import { benchLoad } from "./load.ts";
import { benchPlatform } from "./platform.ts";
import { benchTimeline } from "./timeline.ts";

/**
 * `npm run bench [section…]`: prints the figures each issue asks for. Sections: platform (issue 2),
 * demo, import, timeline (issue 3), indicators (issue 4), load (issue 14: two servers, nothing
 * lost), fhir (issue 12: the FHIR export's resources/s and peak RSS); none named runs them all.
 * Results and the machine they ran on are recorded in docs/benchmarks.md.
 */
const SECTIONS: Record<string, () => Promise<Record<string, string | number>>> = {
  platform: benchPlatform,
  demo: benchDemo,
  import: benchImport,
  timeline: benchTimeline,
  indicators: benchIndicators,
  load: benchLoad,
  fhir: benchFhir,
};

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(SECTIONS);
console.log(
  `Praxis benchmarks — ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}`,
);
console.log(
  process.env.DATABASE_URL
    ? "PostgreSQL: DATABASE_URL is set"
    : "PostgreSQL: DATABASE_URL not set (PostgreSQL figures skipped)",
);
for (const name of names) {
  const section = SECTIONS[name];
  if (!section) {
    console.error(`unknown section "${name}"; sections: ${Object.keys(SECTIONS).join(", ")}`);
    process.exit(2);
  }
  console.log(`\n## ${name}`);
  const started = performance.now();
  const figures = await section();
  for (const [k, v] of Object.entries(figures)) console.log(`- ${k}: ${v}`);
  console.log(`  (${Math.round((performance.now() - started) / 1000)} s)`);
}
process.exit(0);
