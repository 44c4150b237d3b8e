// A static page with a little text and one link: what Next.js costs with no libraries at all.
import Link from "next/link";

export default function Page() {
  return (
    <main>
      <h1>Framework floor</h1>
      <p>A bare Next.js page, prerendered at build time, with no libraries.</p>
      <Link href="/">Home</Link>
    </main>
  );
}
