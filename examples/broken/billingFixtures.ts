import type { Prisma } from "@prisma/client";
import { generatePK } from "../src/fixtures/db/ids.js";
// Drift: the helper module was renamed to ids.ts, and its export to generatePublicId.
import { createIdempotencyKey } from "../src/fixtures/db/idempotency.js"; // expect: unresolved-import
import { generatePublicID } from "../src/fixtures/db/ids.js"; // expect: unresolved-import

export const ledgerEntries: Prisma.credit_ledger_entryCreateManyInput[] = [
    { id: generatePK(), idempotencyKey: createIdempotencyKey(), amount: 10_000, kind: "Purchase", accountId: generatePK() },
    { id: generatePK(), idempotencyKey: "seed-gift", amount: 500, kind: "Gift", accountId: generatePK() }, // expect: invalid-enum-value
    { id: generatePK(), idempotencyKey: "seed-spend", amount: "250", kind: "Spend", accountId: generatePK() }, // expect: field-type-mismatch
];

export const seededAccount: Prisma.credit_accountCreateInput = {
    id: 1001n, // expect: bigint-literal-target
    currentBalance: 0,
    team: { create: { id: generatePK(), publicId: generatePublicID() } },
};
