// The baseline of bench_ingest: the official TypeScript SDK iterating batches.results() of one
// batch (parse only, nothing stored). Prints one line: "lines=N seconds=S".
//   node sdk_results.mjs BASE_URL API_KEY BATCH_ID
// BS_NODE_MODULES: the folder holding node_modules/sdk1 (./dev bench sets it). Exit 77 = skip.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const modules = process.env.BS_NODE_MODULES ?? '';
if (!modules || !existsSync(path.join(modules, 'sdk1'))) {
  console.log(`SKIP: the SDK is not installed in BS_NODE_MODULES='${modules}'`);
  process.exit(77);
}
const [baseURL, apiKey, batchId] = process.argv.slice(2);
const require = createRequire(path.join(modules, 'index.js'));
const sdk = require('sdk1');
const Anthropic = sdk.default ?? sdk.Anthropic ?? sdk;
const client = new Anthropic({ baseURL, apiKey, maxRetries: 2 });

const start = process.hrtime.bigint();
let lines = 0;
let outputTokens = 0;
for await (const entry of await client.messages.batches.results(batchId)) {
  lines++;
  if (entry.result.type === 'succeeded') outputTokens += entry.result.message.usage.output_tokens;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`lines=${lines} seconds=${seconds.toFixed(3)} output_tokens=${outputTokens}`);
