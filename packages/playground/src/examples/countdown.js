// Two coroutines interleaving: each prints, sleeps a second, and lets the other run meanwhile.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function countdown(label, n) {
  while (n > 0) {
    console.log(`T-minus ${n} (${label})`);
    await sleep(1000);
    n--;
  }
}

countdown("A", 2);
countdown("B", 3);
