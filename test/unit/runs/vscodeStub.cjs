// Just enough of the `vscode` module for the run manager outside VS Code: a real EventEmitter,
// a log channel that records, and configuration defaults.
class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (fn) => {
      this.listeners.add(fn);
      return { dispose: () => this.listeners.delete(fn) };
    };
  }
  fire(e) {
    for (const fn of [...this.listeners]) fn(e);
  }
  dispose() {
    this.listeners.clear();
  }
}
module.exports = {
  EventEmitter,
  workspace: { getConfiguration: () => ({ get: (_k, d) => d }), isTrusted: true },
  window: {},
};
