import './globals.css';

// System fonts only: next/font/google would download fonts while `next build` runs.
/** @type {import('next').Metadata} */
export const metadata = {
  title: 'Mono Connect starter',
  description: 'Link a bank account with Mono Connect',
};

/** @param {{ children: import('react').ReactNode }} props */
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
