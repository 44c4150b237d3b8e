// npm run db:seed — idempotent demo data for the embedded default database:
//   free@huntbook.local / huntbook-free-demo   (free account)
//   pro@huntbook.local  / huntbook-pro-demo    (active Pro subscription, local test mode)
// Re-running resets the two demo accounts to exactly this state and touches nothing else.
// Refuses to run against production (NODE_ENV=production) unless HUNTBOOK_SEED_DEMO=1.
import { createRequire } from "node:module";
import bcrypt from "bcryptjs";

const require = createRequire(import.meta.url);
const { PrismaClient } = require("../lib/generated/prisma/index.js");
const { PrismaBetterSQLite3 } = require("@prisma/adapter-better-sqlite3");

export const DEMO_ACCOUNTS = [
  { email: "free@huntbook.local", password: "huntbook-free-demo", pro: false },
  { email: "pro@huntbook.local", password: "huntbook-pro-demo", pro: true },
];

if (process.env.NODE_ENV === "production" && process.env.HUNTBOOK_SEED_DEMO !== "1" && process.env.HUNTBOOK_LOCAL_CHECKOUT !== "1") {
  console.log("db-seed: NODE_ENV=production: demo accounts not seeded (set HUNTBOOK_SEED_DEMO=1 to seed them anyway)");
  process.exit(0);
}

const url = process.env.DATABASE_URL || "file:./prisma/dev.db";
const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
const YEAR = 365 * 24 * 3600 * 1000;
try {
  for (const a of DEMO_ACCOUNTS) {
    const user = await prisma.user.findUnique({ where: { email: a.email } });
    const ok = user?.passwordHash ? await bcrypt.compare(a.password, user.passwordHash) : false;
    const passwordHash = ok && user?.passwordHash ? user.passwordHash : await bcrypt.hash(a.password, 12);
    const u = await prisma.user.upsert({
      where: { email: a.email },
      create: { email: a.email, name: a.pro ? "Pro demo" : "Free demo", passwordHash, emailVerified: new Date() },
      update: { passwordHash },
    });
    const externalId = `local_sub_seed_${u.id}`;
    await prisma.$transaction(async (tx) => {
      await tx.subscription.deleteMany({ where: { userId: u.id } });
      await tx.entitlement.deleteMany({ where: { userId: u.id } });
      if (a.pro) {
        const end = new Date(Date.now() + YEAR);
        const sub = await tx.subscription.create({
          data: { provider: "local", externalId, userId: u.id, status: "active", plan: "pro", currentPeriodEnd: end, eventKey: "000000000000:0:seed" },
        });
        await tx.entitlement.create({ data: { userId: u.id, feature: "pro", active: true, expiresAt: end, subscriptionId: sub.id } });
      }
    });
  }
  console.log(`db-seed: demo accounts ready (${DEMO_ACCOUNTS.map((a) => a.email).join(", ")})`);
} finally {
  await prisma.$disconnect();
}
