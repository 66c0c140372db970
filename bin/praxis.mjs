#!/usr/bin/env node
// The `praxis` command. Runs the TypeScript sources directly through tsx's loader, so there is
// no server build step: `npm ci` is all a checkout needs.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
