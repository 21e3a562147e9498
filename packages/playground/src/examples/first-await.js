// A first await: the function runs synchronously up to its first await, then returns a promise.
async function greet(name) {
  console.log("greet() starts at once");
  const greeting = await Promise.resolve("Hello");
  return `${greeting}, ${name}!`;
}

greet("world").then((message) => console.log(message));
console.log("greet() returned before its body finished");
