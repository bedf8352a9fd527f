#!/usr/bin/env node
// Load test of the automation endpoint: N clients (the real npm client) each
// send M requests to one headless mpsim running a WXML mini-program, all
// clients at once, and the memory of mpsim's process tree (mpsim + its
// QtWebEngineProcess children, PSS: shared pages counted once) is read from
// /proc before and after.
//
//   MPSIM_BINARY=build/ci/app/mpsim node tests/automation/loadtest.js [clients] [requests] [rounds]
//
// Defaults: 50 clients x 200 requests, 3 rounds. Prints one JSON line with the
// results; exits non-zero when a request failed or mpsim died.

'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const automator = require('miniprogram-automator');

const binary = process.env.MPSIM_BINARY;
const project = path.resolve(process.env.MPSIM_PROJECT
    || path.join(__dirname, 'fixtures', 'runtime-app'));
const clientCount = Number(process.argv[2] || 50);
const requestCount = Number(process.argv[3] || 200);
const roundCount = Number(process.argv[4] || 3);
if (!binary) {
    console.error('set MPSIM_BINARY to the mpsim executable to test');
    process.exit(2);
}

// Proportional set size (kB) of `pid` and all its descendants; with
// `perProcess`, also {"<pid> <name>": kB} for each.
function treePssKb(pid, perProcess) {
    const children = new Map();
    for (const entry of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(entry))
            continue;
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
            const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            if (!children.has(ppid))
                children.set(ppid, []);
            children.get(ppid).push(Number(entry));
        } catch (e) {
            // the process ended meanwhile
        }
    }
    let total = 0;
    const pending = [pid];
    while (pending.length) {
        const current = pending.pop();
        try {
            const match = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${current}/smaps_rollup`, 'utf8'));
            total += match ? Number(match[1]) : 0;
            if (perProcess && match) {
                const name = fs.readFileSync(`/proc/${current}/comm`, 'utf8').trim();
                perProcess[`${current} ${name}`] = Number(match[1]);
            }
        } catch (e) {
            continue;
        }
        pending.push(...(children.get(current) || []));
    }
    return total;
}

function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main() {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mpsim-load-'));
    fs.mkdirSync(path.join(home, 'runtime'), { mode: 0o700 });
    const env = {
        ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, 'data'),
        XDG_CONFIG_HOME: path.join(home, 'config'), XDG_RUNTIME_DIR: path.join(home, 'runtime'),
        QT_QPA_PLATFORM: 'offscreen',
        QTWEBENGINE_CHROMIUM_FLAGS: process.env.QTWEBENGINE_CHROMIUM_FLAGS || '--no-sandbox --disable-gpu',
        QT_LOGGING_RULES: 'qt.webenginecontext.info=false',
    };
    const child = spawn(binary, ['--headless', '--auto-port', '0', project],
                        { env, stdio: ['ignore', 'pipe', 'ignore'] });
    const endpoint = await new Promise((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`mpsim exited (${code})`)));
        readline.createInterface({ input: child.stdout }).on('line', (line) => {
            const match = /listening on (ws:\/\/\S+)$/.exec(line);
            if (match)
                resolve(match[1]);
        });
    });
    await sleep(3000); // the page settles
    const pssBeforeKb = treePssKb(child.pid);

    // A realistic mix: the info call, host API calls through the logic
    // layer, the page stack and data from the runtime, the call log.
    const mix = [
        (mini) => mini.send('Tool.getInfo'),
        (mini) => mini.callWxMethod('getSetting'),
        (mini) => mini.send('App.getCurrentPage'),
        (mini) => mini.send('App.getPageStack'),
        (mini) => mini.send('Mpsim.getPrompt'),
        (mini) => mini.send('Mpsim.getCallLog', { limit: 10 }),
    ];
    // Several rounds with fresh clients: the first warms caches up (the call
    // log's ring buffer fills, V8 compiles); a leak shows as memory growing
    // round after round.
    let failures = 0;
    let elapsedMs = 0;
    const latencies = [];
    const pssAfterRoundMb = [];
    for (let round = 0; round < roundCount; ++round) {
        const started = Date.now();
        const clients = await Promise.all(
            Array.from({ length: clientCount }, () => automator.connect({ wsEndpoint: endpoint })));
        await Promise.all(clients.map(async (mini, c) => {
            for (let r = 0; r < requestCount; ++r) {
                const begin = process.hrtime.bigint();
                try {
                    await mix[(c + r) % mix.length](mini);
                } catch (e) {
                    ++failures;
                }
                latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
            }
        }));
        elapsedMs += Date.now() - started;
        clients.forEach((mini) => mini.disconnect());
        await sleep(1000);
        const processes = {};
        pssAfterRoundMb.push(+(treePssKb(child.pid, processes) / 1024).toFixed(1));
        if (process.env.LOADTEST_VERBOSE)
            console.error(`round ${round + 1}:`, JSON.stringify(processes));
    }
    const pssAfterKb = treePssKb(child.pid);
    const alive = child.exitCode === null;

    latencies.sort((a, b) => a - b);
    const percentile = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
    const result = {
        clients: clientCount,
        requestsPerClient: requestCount,
        rounds: roundCount,
        requests: clientCount * requestCount * roundCount,
        failures,
        elapsedMs,
        requestsPerSecond: Math.round((clientCount * requestCount * roundCount) / (elapsedMs / 1000)),
        latencyMs: { p50: +percentile(0.5).toFixed(2), p99: +percentile(0.99).toFixed(2) },
        treePssBeforeMb: +(pssBeforeKb / 1024).toFixed(1),
        treePssAfterMb: +(pssAfterKb / 1024).toFixed(1),
        treePssAfterEachRoundMb: pssAfterRoundMb,
        mpsimAlive: alive,
    };
    console.log(JSON.stringify(result));

    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(home, { recursive: true, force: true });
    process.exit(failures === 0 && alive ? 0 : 1);
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
