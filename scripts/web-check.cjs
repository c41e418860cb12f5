// Proves the web build in headless Chromium, as a tablet would use it:
//   node scripts/web-check.cjs SITE PLAN SHOTS
// SITE is scripts/build-web.sh's folder (built with the settings of .ci/run: PIN 2468),
// PLAN the taps and scrolls tests/web_taps.rs wrote (KIOSK_TAP_PLAN), SHOTS where the screenshots go.
// At each size of the plan, in a fresh browser profile, with touch:
//   1. Home draws: its screenshot is mostly the theme's cream, with the logo's green and
//      no black (scripts/home-check.sh, as under cage);
//   2. a tap on the guide's door opens the guide (the kiosk's own counters, kept in
//      localStorage, count one Guide);
//   3. a walk through the questionnaire reaches the result the Linux build gives;
//   4. the staff gesture: five taps on the logo, a wrong PIN (the lockout counts it), the
//      right one (the count starts over), Export (the browser downloads the counters);
//   5. offline: the static server is stopped and the network cut, and a reload still
//      draws Home, from the service worker's copy.
// Needs playwright-core (NODE_PATH), Debian's chromium and imagemagick. Exits non-zero on
// a failure.
'use strict';
const { chromium } = require('playwright-core');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const [site, planFile, shots] = process.argv.slice(2);
if (!site || !planFile || !shots) {
  console.error('usage: node scripts/web-check.cjs SITE PLAN SHOTS');
  process.exit(2);
}
const plans = JSON.parse(fs.readFileSync(planFile, 'utf8'));
fs.mkdirSync(shots, { recursive: true });
const KEY = 'microneedling-kiosk:/microneedling-kiosk/';
const failures = [];
const say = (...words) => console.log('web-check:', ...words);
const fail = (what) => { failures.push(what); console.error('web-check: FAIL:', what); };
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// A static server on a free loopback port, as any web host would serve the folder.
function serve() {
  return new Promise((resolve, reject) => {
    const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', site],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const port = /port (\d+)/.exec(seen);
      if (port) resolve({ server, port: Number(port[1]) });
    });
    server.stderr.on('data', () => {});
    server.on('exit', (code) => reject(new Error(`the static server ended (${code})`)));
  });
}

function refused(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => { socket.destroy(); resolve(false); });
    socket.on('error', () => resolve(true));
  });
}

// Home over the whole screenshot, as scripts/home-check.sh finds it.
function homeDraws(file, [width, height], name) {
  const checked = spawnSync(path.join(__dirname, 'home-check.sh'), [`web-check: ${name}`, file, `${width}x${height}`],
    { encoding: 'utf8' });
  process.stdout.write(checked.stdout);
  if (checked.status !== 0) fail(`${name}: ${checked.stderr || checked.error}`);
}

async function started(page) {
  await page.waitForSelector('#loading', { state: 'detached', timeout: 60000 });
  await sleep(1500);
}

async function stored(page, file) {
  return page.evaluate((key) => localStorage.getItem(key) || '', KEY + file);
}

// Waits until the stored file `file` matches `pattern` (the counters are written at most
// every ten seconds).
async function waitStored(page, file, pattern, what) {
  const deadline = Date.now() + 15000;
  let text = '';
  while (Date.now() < deadline) {
    text = await stored(page, file);
    if (pattern.test(text)) { say(`${what}: ${file} has ${pattern}`); return true; }
    await sleep(250);
  }
  fail(`${what}: ${file} never had ${pattern}; it has:\n${text}`);
  return false;
}

async function tap(page, [x, y], pause = 500) {
  await page.touchscreen.tap(x, y);
  await sleep(pause);
}

// The steps tests/web_taps.rs wrote: taps [x, y], and turns of the wheel {wheel: [x, y, dy]}.
async function taps(page, steps, pause) {
  for (const step of steps) {
    if (Array.isArray(step)) {
      await tap(page, step, pause);
    } else {
      const [x, y, dy] = step.wheel;
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, dy);
      await sleep(1000);
    }
  }
}

async function check(browser, plan) {
  const [width, height] = plan.size;
  const name = `${width}x${height}`;
  const { server, port } = await serve();
  const url = `http://127.0.0.1:${port}/`;
  const context = await browser.newContext({
    viewport: { width, height }, deviceScaleFactor: 1, hasTouch: true, acceptDownloads: true,
  });
  const page = await context.newPage();
  const logs = [];
  page.on('console', (message) => logs.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => logs.push(`page error: ${error.message}`));
  const shot = (what) => path.join(shots, `web-${name}-${what}.png`);
  try {
    // ?windowed: the check's taps must not turn the page full screen.
    await page.goto(`${url}?windowed`);
    await started(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
    say(`${name}: the service worker is ${controlled ? 'in control' : 'installed'}`);
    await page.screenshot({ path: shot('home') });
    homeDraws(shot('home'), plan.size, `${name} home`);
    await waitStored(page, 'counters.toml', /app_starts = 1\b/, `${name} start`);

    await taps(page, plan.guide);
    await page.screenshot({ path: shot('guide') });
    await waitStored(page, 'counters.toml', /\bGuide = 1\b/, `${name} guide`);
    await taps(page, plan.home);

    await taps(page, plan.questionnaire);
    await page.screenshot({ path: shot('result') });
    const result = new RegExp(`(^|\\n)"?${plan.result}"? = 1\\b`);
    await waitStored(page, 'counters.toml', result, `${name} questionnaire result ${plan.result}`);
    await taps(page, plan.back_home);

    for (let knock = 0; knock < 5; knock++) await tap(page, plan.logo, 150);
    await sleep(700);
    await taps(page, plan.wrong_pin, 300);
    await waitStored(page, 'pin-lockout.toml', /wrong_tries = 1\b/, `${name} wrong PIN`);
    await taps(page, plan.right_pin, 300);
    await sleep(1500);
    await waitStored(page, 'pin-lockout.toml', /wrong_tries = 0\b/, `${name} right PIN`);
    await page.screenshot({ path: shot('staff') });
    // The counters' part of the staff screen, then its export button.
    await taps(page, plan.export.slice(0, -1), 300);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15000 }),
      tap(page, plan.export[plan.export.length - 1]),
    ]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    if (download.suggestedFilename() !== 'counters.csv' || !csv.includes(`result,${plan.result},1`)) {
      fail(`${name} export: ${download.suggestedFilename()}:\n${csv}`);
    } else {
      say(`${name} export: the browser downloaded ${download.suggestedFilename()} with result,${plan.result},1`);
    }

    // Offline: no server, no network; the service worker's copy starts the kiosk.
    server.kill();
    await new Promise((done) => server.once('exit', done));
    if (!(await refused(port))) fail(`${name}: the server still answers`);
    await context.setOffline(true);
    await page.reload();
    await started(page);
    await page.screenshot({ path: shot('offline') });
    homeDraws(shot('offline'), plan.size, `${name} offline reload`);
    await waitStored(page, 'counters.toml', /app_starts = 2\b/, `${name} offline start`);
  } catch (error) {
    fail(`${name}: ${error.stack || error}`);
  } finally {
    fs.writeFileSync(path.join(shots, `web-${name}-console.txt`), logs.join('\n') + '\n');
    const problems = logs.filter((line) => /^(error|page error)/.test(line));
    if (problems.length) fail(`${name}: the console has errors:\n${problems.join('\n')}`);
    server.kill();
    await context.close();
  }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--enable-unsafe-swiftshader'],
  });
  try {
    for (const plan of plans) await check(browser, plan);
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error(`web-check: FAIL: ${failures.length} problem(s)`);
    process.exit(1);
  }
  say(`OK: Home, the guide, a questionnaire result, the staff PIN and export, and an offline reload, at ${plans.map((p) => p.size.join('x')).join(' and ')}`);
})();
