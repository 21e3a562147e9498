// JSX: elements stay as they are; only async and await change. (In a run, an element is printed as
// a plain object: { type, props }.)
const fetchUser = async (id) => ({ id, name: id === 1 ? "Ada" : "Grace" });

function Profile({ name }) {
  return <p className="profile">{name}</p>;
}

async function renderProfile(id) {
  const user = await fetchUser(id);
  return <Profile name={user.name} />;
}

renderProfile(1).then((element) => console.log(element));
