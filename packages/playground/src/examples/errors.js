// A throw in an async function rejects its promise; `await` on a rejected promise throws again.
async function load(id) {
  if (id < 0) throw new RangeError(`negative id ${id}`);
  return { id };
}

async function main() {
  try {
    await load(-1);
  } catch (error) {
    console.log("caught:", error.message);
  }
  const rejected = load(-2); // no throw here: the error waits in the promise
  rejected.catch((error) => console.log("rejected, not thrown:", error.name));
  const { id } = await load(7);
  console.log("loaded", id);
}

main();
