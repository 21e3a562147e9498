// `await using` closes what a block opened, in reverse order, however the block is left (here by a
// throw), and waits for each close. The native run needs an engine that has `await using`.
function open(name) {
  console.log("open", name);
  return {
    async [Symbol.asyncDispose]() {
      await null;
      console.log("closed", name);
    },
  };
}

async function copy() {
  await using source = open("source");
  await using target = open("target");
  console.log("copying");
  throw new Error("disk full");
}

copy().catch((error) => console.log("failed:", error.message));
