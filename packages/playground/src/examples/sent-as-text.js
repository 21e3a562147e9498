// Some code runs a function somewhere else from its source text: puppeteer's page.evaluate rebuilds
// it in the page, and a Worker can be built from fn.toString(). Lowered, an async function's text is
// a wrapper that calls a generator and the runtime's spawn (see the right pane), neither of which
// exists over there. A /* @yieldfrom-ignore */ comment right before it keeps that one function
// native, exactly as written.

// Stands in for page.evaluate: the function is rebuilt from its text, away from this module.
function evaluateElsewhere(fn, ...args) {
  const rebuilt = new Function(`return (${fn.toString()});`)();
  return rebuilt(...args);
}

const countItems = /* @yieldfrom-ignore */ async (items) => {
  await null;
  return items.length;
};

// Lowered as usual: it runs here, where the runtime is.
async function main() {
  console.log("its text:", countItems.toString());
  console.log("run elsewhere:", await evaluateElsewhere(countItems, ["a", "b", "c"]));
}

main();
