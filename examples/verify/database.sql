-- What the database holds beyond the Prisma schema (as a hand-written migration would add it):
-- the planted faults that only the database can show.
ALTER TABLE "payment" ALTER COLUMN "userId" SET NOT NULL;
ALTER TABLE "credit_ledger_entry" ADD CONSTRAINT "credit_ledger_entry_amount_positive" CHECK ("amount" > 0);
