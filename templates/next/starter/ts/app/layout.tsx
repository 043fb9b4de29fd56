import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

// System fonts only: next/font/google would download fonts while `next build` runs.
export const metadata: Metadata = {
  title: 'Mono Connect starter',
  description: 'Link a bank account with Mono Connect',
};

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
