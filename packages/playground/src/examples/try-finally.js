// `finally` runs after the awaited value arrives, and may await itself before the caller sees the result.
async function withResource() {
  console.log("open");
  try {
    return await Promise.resolve("result");
  } finally {
    await null;
    console.log("closed before the caller sees the result");
  }
}

withResource().then((value) => console.log("got", value));
