export const metadata = { title: "Floor", description: "A bare Next.js page: the framework floor for Huntbook's benchmarks." };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
