import MonoDemo from './MonoDemo';

// A Server Component: Next renders it to HTML at build time. The interactive part is the client
// component below, whose markup is prerendered too; the widget itself loads only on a click.
export default function Home() {
  return (
    <main>
      <h1>Mono Connect</h1>
      <p>
        Link a bank account with Mono. The widget returns a one-time code; the server exchanges it
        for an account id with your secret key, which never reaches this page.
      </p>
      <MonoDemo />
    </main>
  );
}
