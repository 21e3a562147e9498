// Native-exact timing: each await takes the same number of microtask ticks as native await, so the
// lowered program interleaves with promise callbacks exactly as the original does.
async function steps() {
  console.log("step 1");
  await null;
  console.log("step 2");
  await Promise.resolve();
  console.log("step 3");
}

Promise.resolve()
  .then(() => console.log("then 1"))
  .then(() => console.log("then 2"))
  .then(() => console.log("then 3"));
steps();
console.log("synchronous end");
