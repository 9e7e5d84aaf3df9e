export function QueueScreen() {
  return <section />;
}
