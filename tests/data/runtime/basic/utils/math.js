export function twice(n) { return n * 2; }
export default { twice };
