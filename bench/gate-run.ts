/** Standalone runner for the gate benchmark: node dist/bench/gate-run.js [--rows N] [--rounds N] [--json] */
import { benchGate, formatGateBench } from './gate.js';

const args = process.argv.slice(2);
const num = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const result = await benchGate({ rows: num('--rows'), rounds: num('--rounds'), fingerprintConnections: num('--fingerprint-connections'), log: (l) => console.error(l) });
console.log(args.includes('--json') ? JSON.stringify(result, null, 2) : formatGateBench(result));
