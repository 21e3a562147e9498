// TypeScript: types stay where they are; only async and await change.
interface User {
  id: number;
  name: string;
}

async function getUser(id: number): Promise<User> {
  const name: string = await Promise.resolve("Ada");
  return { id, name };
}

const users: Promise<User[]> = Promise.all([getUser(1), getUser(2)]);
users.then((list) => console.log(list.map((user) => `${user.id}: ${user.name}`).join(", ")));
