// An async arrow sees the `this` and `arguments` of the function around it, even after an await.
const counter = {
  count: 0,
  start() {
    const tick = async (step) => {
      await null;
      this.count += step + arguments.length;
      return this.count;
    };
    return tick(10);
  },
};

counter.start("a", "b").then((count) => console.log("count", count));
