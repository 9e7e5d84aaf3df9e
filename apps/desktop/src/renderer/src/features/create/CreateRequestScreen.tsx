export function CreateRequestScreen() {
  return <section />;
}
