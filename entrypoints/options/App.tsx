export function App() {
  return (
    <main>
      <h1>Lamplight settings</h1>
    </main>
  );
}
