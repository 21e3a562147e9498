// A file with no import or export, like an old global script: bundlers read it as a module, so its
// helpers must arrive by import (a require would pull in the CommonJS runtime, or stay unresolved).
globalThis.countTo = async function countTo(n, log) {
  for (let i = 1; i <= n; i++) log.push(`count ${await i}`);
  return n;
};
