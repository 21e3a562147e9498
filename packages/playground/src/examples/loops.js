// Awaiting inside a loop: each iteration waits for the previous one.
async function sum(values) {
  let total = 0;
  for (const value of values) {
    total += await value;
    console.log("running total", total);
  }
  return total;
}

sum([1, Promise.resolve(2), 3]).then((total) => console.log("total", total));
