// Conformance of batchscope-sim with the official TypeScript SDK (npm @anthropic-ai/sdk), both
// the current 1.x (Authorization: Bearer, anthropic-version 2026-10-21) and the last 0.x
// (x-api-key, 2023-06-01). Run by ctest (sim_sdk_conformance). Needs:
//   BS_NODE_MODULES  folder holding node_modules/sdk1 and sdk0 (./dev test sets it)
//   BS_SIM_PATH      the batchscope-sim executable
// Without the SDK it exits 77 (ctest: skipped), or 1 when CI=true or BS_REQUIRE_ALL is set.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';

const KEY = 'test-key-not-a-real-secret';
const modules = process.env.BS_NODE_MODULES ?? '';
const simPath = process.env.BS_SIM_PATH ?? '';

function skip(why) {
  const required = (process.env.BS_REQUIRE_ALL ?? '0');
  if (process.env.CI === 'true' || (required !== '' && required !== '0')) {
    console.error(`FAIL: ${why} (CI=true or BS_REQUIRE_ALL set: the SDK must be installed; run ./dev test)`);
    process.exit(1);
  }
  console.log(`SKIP: ${why} (run ./dev test, which installs tests/node/package.json)`);
  process.exit(77);
}
if (!modules || !existsSync(path.join(modules, 'sdk1')) || !existsSync(path.join(modules, 'sdk0')))
  skip(`the SDK is not installed in BS_NODE_MODULES='${modules}'`);
if (!simPath || !existsSync(simPath)) {
  console.error(`FAIL: BS_SIM_PATH='${simPath}' is not the simulator`);
  process.exit(1);
}

const require = createRequire(path.join(modules, 'index.js'));
let failures = 0;
function check(cond, what) {
  if (cond) {
    console.log(`  ok   ${what}`);
  } else {
    failures++;
    console.log(`  FAIL ${what}`);
  }
}

async function startSim(args) {
  const child = spawn(simPath, ['--host', '127.0.0.1', '--port', '0', '--api-key', KEY, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const rl = readline.createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
  });
  child.stdout.resume(); // keep draining the log
  return { child, url: url.trim() };
}

async function control(url, route, body, method = 'POST') {
  const res = await fetch(url + route, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

function requests(n, prefix) {
  return Array.from({ length: n }, (_, i) => ({
    custom_id: `${prefix}-${i}`,
    params: {
      model: 'claude-haiku-5-5',
      max_tokens: 64,
      messages: [{ role: 'user', content: `Question ${i}` }],
    },
  }));
}

async function expectError(promise, cls, status, what) {
  try {
    await promise;
    check(false, `${what}: expected ${cls?.name}`);
  } catch (e) {
    check(cls && e instanceof cls && e.status === status,
      `${what} -> ${e?.constructor?.name} ${e?.status}`);
  }
}

async function run(name) {
  const mod = require(name);
  const Anthropic = mod.default ?? mod.Anthropic ?? mod;
  const version = JSON.parse(readFileSync(path.join(modules, name, 'package.json'), 'utf8')).version;
  console.log(`# ${name}: @anthropic-ai/sdk ${version}`);
  const { child, url } = await startSim(['--speed', '1', '--error-rate', '0', '--seed', '5']);
  try {
    const client = new Anthropic({ apiKey: KEY, baseURL: url, maxRetries: 2 });
    const batches = client.messages.batches;

    // Create, retrieve (in progress at real speed), list with auto-pagination.
    const created = [];
    for (let i = 0; i < 7; i++)
      created.push(await batches.create({ requests: requests(3, `b${i}`) }));
    check(created.every((b) => b.type === 'message_batch' && b.processing_status === 'in_progress'),
      'create returns in_progress MessageBatch objects');
    check(created[0].request_counts.processing === 3, 'request_counts.processing = 3');
    const got = await batches.retrieve(created[6].id);
    check(got.id === created[6].id && got.results_url === null, 'retrieve');
    const seen = [];
    for await (const b of batches.list({ limit: 3 })) seen.push(b.id);
    check(seen.length === 7, `auto-pagination saw ${seen.length} of 7 batches`);
    check(JSON.stringify(seen) === JSON.stringify(created.map((b) => b.id).reverse()),
      'list is newest first across pages');
    let page = await batches.list({ limit: 3 });
    let pages = 1;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      pages++;
    }
    check(pages === 3, `list paginated over ${pages} pages (limit 3)`);

    // Cancel: canceling, then ended after the simulated clock moves on.
    const canceling = await batches.cancel(created[0].id);
    check(canceling.processing_status === 'canceling' && canceling.cancel_initiated_at,
      'cancel -> canceling');
    await control(url, '/_sim/clock', { advance_seconds: 7200 });
    const ended = await batches.retrieve(created[0].id);
    check(ended.processing_status === 'ended' && typeof ended.results_url === 'string',
      'canceled batch ends with a results_url');
    const c = ended.request_counts;
    check(c.canceled + c.succeeded === 3 && c.processing === 0, 'final counts add up');

    // Results of an ended batch: iterate to the end.
    const ids = new Set();
    let succeeded = 0;
    for await (const r of await batches.results(created[1].id)) {
      ids.add(r.custom_id);
      if (r.result.type === 'succeeded') {
        succeeded++;
        const u = r.result.message.usage;
        if (!(u.output_tokens <= 64 && u.input_tokens > 0 && u.service_tier === 'batch'))
          check(false, `usage of ${r.custom_id}`);
      }
    }
    check(ids.size === 3 && succeeded === 3, `results iterated: ${ids.size} lines, ${succeeded} succeeded`);
    const canceledResults = [];
    for await (const r of await batches.results(created[0].id)) canceledResults.push(r.result.type);
    check(canceledResults.length === 3, 'results of the canceled batch');

    // inference_geo: "us" on a Claude 4.6+ model is echoed in usage; an earlier model errors.
    const geoParams = (model) => ({ model, max_tokens: 32, inference_geo: 'us',
      messages: [{ role: 'user', content: 'Where does this run?' }] });
    const geo = await batches.create({ requests: [
      { custom_id: 'geo-us', params: geoParams('claude-opus-4-6') },
      { custom_id: 'geo-old', params: geoParams('claude-opus-4-5-20251101') }] });
    await control(url, '/_sim/clock', { advance_seconds: 7200 });
    const geoResults = {};
    for await (const r of await batches.results(geo.id)) geoResults[r.custom_id] = r.result;
    check(geoResults['geo-us']?.type === 'succeeded' &&
      geoResults['geo-us'].message.usage.inference_geo === 'us', 'inference_geo "us" echoed in usage');
    check(geoResults['geo-old']?.type === 'errored' &&
      geoResults['geo-old'].error.error.type === 'invalid_request_error',
      'inference_geo on a pre-4.6 model: errored invalid_request_error');

    // Delete.
    const del = await batches.delete(created[1].id);
    check(del.id === created[1].id && del.type === 'message_batch_deleted', 'delete');

    // Typed errors. A fresh batch is still in progress (the clock moved on for the others).
    const running = await batches.create({ requests: requests(3, 'running') });
    await expectError(batches.retrieve('msgbatch_doesnotexist'), Anthropic.NotFoundError, 404,
      '404 retrieve of an unknown batch');
    await expectError(batches.delete(running.id), Anthropic.BadRequestError, 400,
      '400 delete of a batch in progress');
    await expectError(
      batches.create({ requests: [...requests(1, 'dup'), ...requests(1, 'dup')] }),
      Anthropic.BadRequestError, 400, '400 duplicate custom_id');
    const wrong = new Anthropic({ apiKey: 'wrong-key', baseURL: url, maxRetries: 0 });
    await expectError(wrong.messages.batches.list(), Anthropic.AuthenticationError, 401,
      '401 wrong key');
    await expectError(
      (async () => {
        for await (const r of await batches.results(running.id)) void r;
      })(),
      Anthropic.AnthropicError, undefined, 'results of a batch in progress refused');

    // Retries: a 429 with retry-after and a 529 are retried by the SDK, then succeed.
    await control(url, '/_sim/faults', [
      { status: 429, retry_after: 0, count: 1 },
      { status: 529, count: 1 },
    ]);
    const afterRetry = await batches.retrieve(created[3].id);
    check(afterRetry.id === created[3].id, 'SDK retried 429 (retry-after) and 529, then succeeded');
    const rules = await control(url, '/_sim/faults', undefined, 'GET');
    check(rules.rules.length === 0, 'both faults were consumed');

    // count_tokens.
    const count = await client.messages.countTokens({
      model: 'claude-sonnet-4-6',
      messages: [{ role: 'user', content: 'x'.repeat(400) }],
    });
    check(count.input_tokens >= 100 && count.input_tokens < 130, `count_tokens = ${count.input_tokens}`);
  } finally {
    child.kill('SIGTERM');
  }
}

try {
  await run('sdk1');
  await run('sdk0');
} catch (e) {
  failures++;
  console.error('FAIL: unexpected exception', e);
}
console.log(failures ? `${failures} check(s) FAILED` : 'all checks passed');
process.exit(failures ? 1 : 0);
