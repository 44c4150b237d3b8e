// The framework floor at a given page weight: the bare page plus plain filler text, prerendered at
// the sizes in FLOOR_WEIGHTS (bytes, comma-separated; npm run bench passes the sizes of the pages
// it measures). It separates what a page of ours costs because it is larger from what our code
// adds: the framework serving as many bytes with no libraries, no proxy and no config.
export const dynamicParams = false;

export function generateStaticParams() {
  return (process.env.FLOOR_WEIGHTS ?? "")
    .split(",")
    .filter((s) => /^\d+$/.test(s))
    .map((bytes) => ({ bytes }));
}

// The text appears twice (in the HTML and again in the inline RSC payload), so each filler byte
// adds about two to the page; the rest is the bare page plus this route's own markup. Calibrated
// on Next 16.5: pages land within 0.1 % of the requested size, and the benchmark reports the size
// it measured, not the one requested.
const BASE_BYTES = 6250;
const WORDS = "detect hunt query rule event process token registry network module sigma kusto".split(" ");

function filler(bytes) {
  const out = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const w = WORDS[(i * 7) % WORDS.length];
    out.push(w);
    n += w.length + 1;
  }
  return out.join(" ");
}

export default async function Page({ params }) {
  const { bytes } = await params;
  return (
    <main>
      <h1>Framework floor, {bytes} bytes</h1>
      <p>{filler(Math.max(0, (Number(bytes) - BASE_BYTES) / 2))}</p>
    </main>
  );
}
