// Preloaded (`node --require`) into a CLI process by bench/worst.bench.ts: prints the process's peak
// resident memory when it exits, so the bench measures the real command, unchanged.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\n@@MAXRSS_KB@@${process.resourceUsage().maxRSS}\n`);
});
