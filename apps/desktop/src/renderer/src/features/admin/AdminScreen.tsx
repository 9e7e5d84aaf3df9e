export function AdminScreen() {
  return <section />;
}
