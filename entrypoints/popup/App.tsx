export function App() {
  return <h1>Lamplight</h1>;
}
