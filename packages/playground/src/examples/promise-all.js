// Start everything first, then await all of it: the slowest decides, the order of results does not change.
const sleep = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

async function fetchAll() {
  const results = await Promise.all([sleep(30, "slow"), sleep(10, "fast"), "now"]);
  console.log(results.join(", "));
  const first = await Promise.race([sleep(30, "slow"), sleep(10, "fast")]);
  console.log("first:", first);
}

fetchAll();
