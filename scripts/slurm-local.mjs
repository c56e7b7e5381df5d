#!/usr/bin/env node
// A real one-node Slurm cluster on this machine, for the Slurm executor's tests and bench (the
// configuration of /work/shared/notes/slurm-single-node.md, checked in a root container without
// systemd). Debian's `slurm-wlm` and `munge` must be installed (.ci/run installs them).
//
//   node scripts/slurm-local.mjs start    writes /etc/slurm/slurm.conf (only if absent or ours), starts
//                                         munged, slurmctld and slurmd unless already up; waits for the node
//   node scripts/slurm-local.mjs stop     stops the daemons this script started (by the pids it recorded)
//   node scripts/slurm-local.mjs status   exit 0 when `sinfo` answers
//
// It never touches a Slurm it did not configure: an existing slurm.conf without our marker is left
// alone, and `stop` kills only the pids recorded by `start`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chownSync } from 'node:fs';
import os from 'node:os';

const CONF = '/etc/slurm/slurm.conf';
const MARK = '# written by paperlab scripts/slurm-local.mjs';
const STATE = '/run/paperlab-slurm.json';
const cmd = process.argv[2];

const say = (s) => console.error(`slurm-local: ${s}`);
const have = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const up = () => spawnSync('sinfo', ['-h', '-o', '%T'], { encoding: 'utf8', timeout: 10_000 });
const pidOf = (file) => {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};
const alive = (pid) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function writeConf() {
  if (existsSync(CONF) && !readFileSync(CONF, 'utf8').includes(MARK)) {
    say(`${CONF} exists and is not ours: using it as it is`);
    return;
  }
  const host = os.hostname();
  const node = execFileSync('slurmd', ['-C'], { encoding: 'utf8' }).split('\n')[0];
  const cpus = Number(/CPUs=(\d+)/.exec(node)?.[1] ?? os.cpus().length);
  const mem = Math.max(500, Math.floor(Number(/RealMemory=(\d+)/.exec(node)?.[1] ?? 2000) * 0.9));
  mkdirSync('/etc/slurm', { recursive: true });
  writeFileSync(
    CONF,
    [
      MARK,
      'ClusterName=paperlab-local',
      `SlurmctldHost=${host}`,
      'AuthType=auth/munge',
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'ReturnToService=2',
      'SlurmctldPidFile=/run/slurmctld.pid',
      'SlurmdPidFile=/run/slurmd.pid',
      'SlurmdSpoolDir=/var/spool/slurmd',
      'StateSaveLocation=/var/spool/slurmctld',
      'SlurmUser=root',
      'SchedulerType=sched/backfill',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'JobCompType=jobcomp/none',
      'AccountingStorageType=accounting_storage/none',
      'MpiDefault=none',
      'SlurmctldLogFile=/var/log/slurmctld.log',
      'SlurmdLogFile=/var/log/slurmd.log',
      `NodeName=${host} CPUs=${cpus} RealMemory=${mem} State=UNKNOWN`,
      `PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
      '',
    ].join('\n'),
  );
  say(`wrote ${CONF} (node ${host}, ${cpus} CPUs, ${mem} MB)`);
}

async function start() {
  for (const bin of ['sbatch', 'slurmctld', 'slurmd', 'munged']) {
    if (!have(bin)) {
      say(`${bin} is not installed: apt-get install slurm-wlm munge (.ci/run does it)`);
      process.exit(1);
    }
  }
  if (process.getuid?.() !== 0) {
    say('starting the daemons needs root (as in CI and this container)');
    process.exit(1);
  }
  if (up().status === 0) {
    say('Slurm already answers: nothing to start');
    return;
  }
  writeConf();
  for (const d of ['/var/spool/slurmd', '/var/spool/slurmctld', '/run/munge', '/var/log/munge', '/var/lib/munge'])
    mkdirSync(d, { recursive: true });
  try {
    const uid = Number(execFileSync('id', ['-u', 'munge'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'munge'], { encoding: 'utf8' }).trim());
    for (const d of ['/run/munge', '/var/log/munge', '/var/lib/munge']) chownSync(d, uid, gid);
  } catch {
    /* munged runs as root when there is no munge user */
  }
  const started = {};
  if (!alive(pidOf('/run/munge/munged.pid'))) {
    spawnSync('munged', ['--force'], { stdio: 'ignore' });
    started.munged = pidOf('/run/munge/munged.pid');
  }
  if (!alive(pidOf('/run/slurmctld.pid'))) {
    execFileSync('slurmctld', [], { stdio: 'inherit' });
    await sleep(500);
    started.slurmctld = pidOf('/run/slurmctld.pid');
  }
  if (!alive(pidOf('/run/slurmd.pid'))) {
    execFileSync('slurmd', [], { stdio: 'inherit' });
    await sleep(500);
    started.slurmd = pidOf('/run/slurmd.pid');
  }
  writeFileSync(STATE, JSON.stringify(started) + '\n');
  for (let i = 0; i < 60; i++) {
    const r = up();
    if (r.status === 0 && /idle|mixed|alloc/.test(r.stdout)) {
      say(`up: node ${r.stdout.trim()} (started ${Object.keys(started).join(', ') || 'nothing'})`);
      return;
    }
    // A node left DOWN by an earlier unclean stop comes back with ReturnToService=2; nudge it once.
    if (i === 10) spawnSync('scontrol', ['update', `nodename=${os.hostname()}`, 'state=resume'], { stdio: 'ignore' });
    await sleep(500);
  }
  say(
    'the daemons started but the node did not become idle in 30 s; see /var/log/slurmctld.log and /var/log/slurmd.log',
  );
  process.exit(1);
}

async function stop() {
  let started = {};
  try {
    started = JSON.parse(readFileSync(STATE, 'utf8'));
  } catch {
    say('nothing recorded as started by this script: leaving Slurm as it is');
    return;
  }
  // slurmd first (it runs the jobs), then the controller, then munged.
  for (const name of ['slurmd', 'slurmctld', 'munged']) {
    const pid = started[name];
    if (!alive(pid)) continue;
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 40 && alive(pid); i++) await sleep(250);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    say(`stopped ${name} (pid ${pid})`);
  }
  rmSync(STATE, { force: true });
}

if (cmd === 'start') await start();
else if (cmd === 'stop') await stop();
else if (cmd === 'status') process.exit(up().status === 0 ? 0 : 1);
else {
  say('usage: node scripts/slurm-local.mjs start|stop|status');
  process.exit(2);
}
