import App from '../App';
import type { Route } from './+types/home';

export const meta: Route.MetaFunction = () => [{ title: 'Link a bank account with Mono' }];

// The demo renders on the server like any route; useMonoConnect loads connect.js only on a click.
export default function Home() {
  return <App />;
}
