import os from "node:os";
import { benchPlatform } from "./platform.ts";

/**
 * `npm run bench [section…]`: prints the figures each issue asks for. Sections: platform.
 * Results and the machine they ran on are recorded in docs/benchmarks.md.
 */
const SECTIONS: Record<string, () => Promise<Record<string, string | number>>> = {
  platform: benchPlatform,
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
