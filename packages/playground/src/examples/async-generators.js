// An async generator awaits and yields; `for await` pulls one value at a time.
async function* ticks(n) {
  for (let i = 1; i <= n; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    yield i;
  }
}

async function main() {
  for await (const tick of ticks(3)) console.log("tick", tick);
  console.log("done");
}

main();
